import Foundation
import Testing
import Torch
@testable import Pictures

/// The golden JSON written by scripts/golden/make_pictures_golden.py from real PIL + torchvision.
let golden: [String: Any] = {
    let url = Bundle.module.url(forResource: "Golden", withExtension: nil)!.appendingPathComponent("pictures_golden.json")
    let data = try! Data(contentsOf: url)
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}()

func goldenPath(_ name: String) -> String {
    Bundle.module.url(forResource: "Golden", withExtension: nil)!.appendingPathComponent(name).path
}

func ints(_ v: Any?) -> [Int] { (v as! [NSNumber]).map { $0.intValue } }
func doubles(_ v: Any?) -> [Double] { (v as! [NSNumber]).map { $0.doubleValue } }
func bytes(_ v: Any?) -> [UInt8] { ints(v).map { UInt8($0) } }

/// The sample photo, kept in the repository (a copy of ../shared/data/astronaut.png).
let astronautPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../examples/astronaut.png").standardized.path

/// A fresh empty folder under the temporary directory.
func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "nnsh-pictures-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func listing(_ dir: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? [] }
