import CCairo
import Foundation

/// DejaVu Sans through FreeType, as matplotlib's default font; its OS/2 typographic ascent and
/// descent are what matplotlib's text layout uses as each line's minimum height.
final class Font {
    nonisolated(unsafe) static var library: FT_Library?
    nonisolated(unsafe) static var cache: [Bool: Font] = [:]

    let face: FT_Face
    let cairoFace: OpaquePointer
    /// Ascent and descent in ems (DejaVu Sans: 1556/2048 and 492/2048).
    let ascent: Double, descent: Double

    static let searchPaths = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu",
                              "/usr/share/fonts/TTF", "/usr/share/fonts/truetype/ttf-dejavu"]

    /// The regular or the bold face; nil when DejaVu Sans is not installed.
    static func dejaVu(bold: Bool) -> Font? {
        if let f = cache[bold] { return f }
        if library == nil {
            var lib: FT_Library?
            guard FT_Init_FreeType(&lib) == 0 else { return nil }
            library = lib
        }
        let file = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf"
        for dir in searchPaths {
            let path = dir + "/" + file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            var face: FT_Face?
            guard FT_New_Face(library, path, 0, &face) == 0, let face else { continue }
            let font = Font(face: face)
            cache[bold] = font
            return font
        }
        return nil
    }

    init(face: FT_Face) {
        self.face = face
        cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0)
        let em = Double(face.pointee.units_per_EM)
        if let os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self) {
            ascent = Double(os2.pointee.sTypoAscender) / em
            descent = -Double(os2.pointee.sTypoDescender) / em
        } else {
            ascent = Double(face.pointee.ascender) / em
            descent = -Double(face.pointee.descender) / em
        }
    }
}

/// The size of one line of text as matplotlib's layout sees it, in pixels.
struct TextMetrics {
    var width: Double      // ink width
    var ascent: Double     // max(ink ascent, the font's ascent)
    var descent: Double    // max(ink descent, the font's descent)
    var inkLeft: Double    // where the ink starts right of the pen
    var height: Double { ascent + descent }
}

/// A Cairo image surface the renderer draws into.
final class Canvas {
    let width: Int, height: Int
    let surface: OpaquePointer
    let cr: OpaquePointer

    init?(width: Int, height: Int) {
        guard width > 0, height > 0, width <= 32_767, height <= 32_767 else { return nil }
        self.width = width; self.height = height
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { cairo_surface_destroy(surface); return nil }
        cr = cairo_create(surface)
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    func setColor(_ c: RGBA, alpha: Double? = nil) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha ?? c.a)
    }

    func fill(_ c: RGBA) {
        setColor(c)
        cairo_paint(cr)
    }

    func fillRect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ c: RGBA) {
        setColor(c)
        cairo_rectangle(cr, x, y, w, h)
        cairo_fill(cr)
    }

    /// A stroked polyline; NaN points break it into pieces, as matplotlib does.
    func polyline(_ pts: [(Double, Double)], color: RGBA, width: Double, dash: [Double] = [], cap: cairo_line_cap_t = CAIRO_LINE_CAP_SQUARE,
                  join: cairo_line_join_t = CAIRO_LINE_JOIN_ROUND) {
        setColor(color)
        cairo_set_line_width(cr, width)
        cairo_set_line_cap(cr, cap)
        cairo_set_line_join(cr, join)
        dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32(dash.count), 0) }
        var pen = false
        for (x, y) in pts {
            guard x.isFinite, y.isFinite, abs(x) < 1e7, abs(y) < 1e7 else { pen = false; continue }
            if pen { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y); pen = true }
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    /// An axis-aligned segment snapped to the pixel grid as Agg snaps it (centres for odd widths).
    func snappedSegment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: RGBA, width: Double) {
        let offset = saturatingInt(width.rounded()) % 2 == 1 ? 0.5 : 0
        func snap(_ v: Double) -> Double { (v - offset).rounded() + offset }
        let a = x0 == x1 ? (snap(x0), y0, snap(x1), y1) : (x0, snap(y0), x1, snap(y1))
        polyline([(a.0, a.1), (a.2, a.3)], color: color, width: width, cap: CAIRO_LINE_CAP_BUTT)
    }

    func clip(_ r: PixelRect?) {
        cairo_reset_clip(cr)
        if let r {
            cairo_rectangle(cr, r.x0, r.y0, r.width, r.height)
            cairo_clip(cr)
        }
    }

    // MARK: Text

    func setFont(_ size: Double, bold: Bool) -> Font? {
        guard let font = Font.dejaVu(bold: bold) else {
            cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, size)
            return nil
        }
        cairo_set_font_face(cr, font.cairoFace)
        cairo_set_font_size(cr, size)
        return font
    }

    /// One line's metrics at `size` pixels.
    func measure(_ s: String, size: Double, bold: Bool = false) -> TextMetrics {
        let font = setFont(size, bold: bold)
        var ext = cairo_text_extents_t()
        cairo_text_extents(cr, s, &ext)
        let inkAscent = s.isEmpty ? 0 : -ext.y_bearing, inkDescent = s.isEmpty ? 0 : ext.height + ext.y_bearing
        return TextMetrics(width: ext.width, ascent: Swift.max(inkAscent, (font?.ascent ?? 0.76) * size),
                           descent: Swift.max(inkDescent, (font?.descent ?? 0.24) * size), inkLeft: ext.x_bearing)
    }

    /// Text drawn with its baseline's ink-left corner at (x, y), turned by `degrees` anticlockwise.
    func draw(_ s: String, x: Double, y: Double, size: Double, color: RGBA, bold: Bool = false, degrees: Double = 0, inkLeft: Double) {
        _ = setFont(size, bold: bold)
        setColor(color)
        cairo_save(cr)
        cairo_translate(cr, x, y.rounded())
        if degrees != 0 { cairo_rotate(cr, -degrees * .pi / 180) }
        cairo_move_to(cr, -inkLeft, 0)
        cairo_show_text(cr, s)
        cairo_restore(cr)
    }

    // MARK: Pixels

    /// Draws RGBA bytes (straight alpha) at an integer offset.
    func blit(_ rgba: [UInt8], width: Int, height: Int, x: Int, y: Int, alpha: Double = 1) {
        guard width > 0, height > 0 else { return }
        guard let img = cairoImage(rgba, width: width, height: height) else { return }
        cairo_set_source_surface(cr, img, Double(x), Double(y))
        cairo_paint_with_alpha(cr, alpha)
        cairo_surface_destroy(img)
    }

    func cairoImage(_ rgba: [UInt8], width: Int, height: Int) -> OpaquePointer? {
        let img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        guard cairo_surface_status(img) == CAIRO_STATUS_SUCCESS, let base = cairo_image_surface_get_data(img) else {
            cairo_surface_destroy(img); return nil
        }
        let stride = Int(cairo_image_surface_get_stride(img))
        for row in 0..<height {
            let line = (base + row * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for col in 0..<width {
                let k = 4 * (row * width + col)
                let a = UInt32(rgba[k + 3])
                func pre(_ v: UInt8) -> UInt32 { (UInt32(v) * a + 127) / 255 }
                line[col] = a << 24 | pre(rgba[k]) << 16 | pre(rgba[k + 1]) << 8 | pre(rgba[k + 2])
            }
        }
        cairo_surface_mark_dirty(img)
        return img
    }

    /// The picture as straight-alpha RGBA rows.
    func rgbaBytes() -> [UInt8] {
        cairo_surface_flush(surface)
        guard let base = cairo_image_surface_get_data(surface) else { return [] }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var out = [UInt8](repeating: 0, count: width * height * 4)
        for row in 0..<height {
            let line = (base + row * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
            for col in 0..<width {
                let p = line[col]
                let a = p >> 24
                func un(_ v: UInt32) -> UInt8 { a == 0 ? 0 : UInt8(Swift.min(255, (v * 255 + a / 2) / a)) }
                let k = 4 * (row * width + col)
                out[k] = un((p >> 16) & 0xFF); out[k + 1] = un((p >> 8) & 0xFF); out[k + 2] = un(p & 0xFF); out[k + 3] = UInt8(a)
            }
        }
        return out
    }
}
