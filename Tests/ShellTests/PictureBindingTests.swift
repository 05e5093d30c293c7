import Foundation
import Testing
@testable import Shell

/// Runs `source` in a fresh session and returns what it printed (errors included).
private func output(_ source: String, file: String = "<test>") -> String {
    var out = ""
    let session = Session(file: file, write: { out += $0 }, writeError: { out += $0 })
    session.interpreter.pictures.isTerminal = false
    session.run(source)
    return out
}

@Suite struct OSPathTests {
    @Test func joinDirnameBasenameAsPosixpath() {
        #expect(PosixPath.join("a", ["b", "c.png"]) == "a/b/c.png")
        #expect(PosixPath.join("a/", ["/abs", "x"]) == "/abs/x")
        #expect(PosixPath.join("", ["x"]) == "x")
        #expect(PosixPath.dirname("/a/b/c.py") == "/a/b")
        #expect(PosixPath.dirname("c.py") == "")
        #expect(PosixPath.dirname("/c.py") == "/")
        #expect(PosixPath.dirname("a//b") == "a")
        #expect(PosixPath.basename("/a/b/") == "")
        #expect(PosixPath.normpath("/a/./b/../c/") == "/a/c")
        #expect(PosixPath.normpath("../x/..") == "..")
        #expect(PosixPath.normpath("") == ".")
        #expect(PosixPath.splitext("dir.d/file.tar.gz") == ("dir.d/file.tar", ".gz"))
        #expect(PosixPath.splitext(".bashrc") == (".bashrc", ""))
    }

    @Test func abspathResolvesAgainstTheCurrentDirectory() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(output("import os\nprint(os.path.abspath('x/../y.png') == os.path.join(os.getcwd(), 'y.png'))") == "True\n")
        #expect(output("import os.path\nprint(os.path.dirname(os.path.abspath(__file__)))", file: "sub/s.py") == cwd + "/sub\n")
        #expect(PosixPath.relpath(cwd + "/a/b.png") == "a/b.png")
    }

    @Test func makedirsAndListdir() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-os-\(UUID().uuidString)").path
        #expect(output("import os\nos.makedirs('\(dir)/a/b')\nos.makedirs('\(dir)/a/b', exist_ok=True)\nprint(os.listdir('\(dir)'), os.path.isdir('\(dir)/a/b'))") == "['a'] True\n")
        #expect(output("import os\nos.makedirs('\(dir)/a')").hasSuffix("FileExistsError: [Errno 17] File exists: '\(dir)/a'\n"))
        #expect(output("import os\nos.listdir('\(dir)/nope')").hasSuffix("FileNotFoundError: [Errno 2] No such file or directory: '\(dir)/nope'\n"))
    }
}

@Suite struct PictureBindingTests {
    @Test func transformsPrintAsTorchvision() {
        let out = output("""
        import torchvision.transforms as transforms
        print(transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)), transforms.Grayscale(), transforms.Resize(64), transforms.Resize((32, 48)), transforms.ToPILImage()]))
        print(transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]))
        print(transforms.ToPILImage(mode='L'))
        """)
        #expect(out == """
        Compose(
            ToTensor()
            Normalize(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))
            Grayscale(num_output_channels=1)
            Resize(size=64, interpolation=bilinear, max_size=None, antialias=True)
            Resize(size=(32, 48), interpolation=bilinear, max_size=None, antialias=True)
            ToPILImage()
        )
        Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
        ToPILImage(mode=L)

        """)
    }

    @Test func imagesRoundTripThroughTransforms() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-pic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let out = output("""
        import torch
        from PIL import Image
        from torchvision import transforms
        import torchvision
        t = torch.zeros(3, 4, 6)
        t[0] = 1.0
        img = transforms.ToPILImage()(t)
        print(img.size, img.mode, img.width, img.height, img.format)
        img.save('\(dir)/red.png')
        im = Image.open('\(dir)/red.png')
        print(im.format, im.size, im.getpixel((0, 0)))
        print(repr(im).startswith('<PIL.PngImagePlugin.PngImageFile image mode=RGB size=6x4 at 0x'))
        print(repr(im.convert('L')).startswith('<PIL.Image.Image image mode=L size=6x4 at 0x'))
        g = transforms.Grayscale()(im)
        print(g.mode, transforms.ToTensor()(g).shape, transforms.ToTensor()(im)[0, 0, 0])
        print(im.resize((3, 2)).size, im.crop((1, 1, 4, 3)).size)
        torchvision.utils.save_image(torch.rand(4, 3, 8, 8), '\(dir)/grid.png', nrow=2)
        print(Image.open('\(dir)/grid.png').size)
        print(torchvision.utils.make_grid(torch.rand(4, 1, 8, 8), nrow=2, padding=1).shape)
        """)
        #expect(out == """
        (6, 4) RGB 6 4 None
        PNG (6, 4) (255, 0, 0)
        True
        True
        L torch.Size([1, 4, 6]) tensor(1.)
        (3, 2) (3, 2)
        (22, 22)
        torch.Size([3, 19, 19])

        """)
    }

    @Test func showPrintsTheNoteOffTerminal() {
        #expect(output("import torch\nshow(torch.ones(2, 3))") == "[2, 3] float32, gray, values in [1, 1], shown as is\n")
    }

    @Test func plotOfAModuleWithItsDerivative() {
        let out = output("import torch.nn as nn\nplot(nn.Sigmoid(), -6, 6, derivative=True, columns=30, rows=8)")
        #expect(out.contains("Sigmoid()"))
        #expect(out.contains("derivative"))
        #expect(output("plot([1, 2, 3], [1, 4, 9], [1, 2, 3], labels=['square', 'id'], columns=20, rows=5)").contains("square"))
    }

    @Test func savedPicturesAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nnsh-saved-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var saved = [String]()
        let session = Session(write: { _ in }, writeError: { _ in })
        session.interpreter.pictures.onSaved = { saved.append($0) }
        session.run("""
        import torch
        from torchvision.utils import save_image
        save_image(torch.zeros(3, 2, 2), '\(dir)/a.png')
        show(torch.zeros(2, 2), path='\(dir)/b.png')
        plot([1, 2], path='\(dir)/c.png')
        """)
        #expect(saved == ["\(dir)/a.png", "\(dir)/b.png", "\(dir)/c.png"])
    }
}

@Suite struct ScriptChunkTests {
    @Test func statementsCommentsAndParagraphs() throws {
        let chunks = try scriptChunks("""
        # title
        import torch

        x = (1,

             2)  # trailing
        # between
        for i in range(2):
            print(i)
            # end of body

        a = 1; b = 2
        """)
        #expect(chunks.map(\.lines) == [["# title"], ["import torch"], ["x = (1,", "     2)  # trailing"], ["# between"],
                                        ["for i in range(2):", "    print(i)"], ["# end of body"], ["a = 1; b = 2"]])
        #expect(chunks.map(\.startsParagraph) == [false, false, true, false, false, false, true])
        #expect(chunks.map(\.isCompound) == [false, false, false, false, true, false, false])
        #expect(chunks[4].prompted == ">>> for i in range(2):\n...     print(i)\n...\n")
        #expect(chunks[2].paddedSource.hasPrefix("\n\n\nx = (1,"))
    }

    @Test func doctestExamplesFollowPythonsRules() {
        let ex = Doctest.examples(in: """
          >>> a = 1
          >>> a
          1
          >>> # only a comment
          >>> print('x\\n')
          x
          <BLANKLINE>

        text
        """)
        #expect(ex.map(\.line) == [1, 2, 5])
        #expect(ex.map(\.expected) == ["", "1\n", "x\n\n"])
    }
}
