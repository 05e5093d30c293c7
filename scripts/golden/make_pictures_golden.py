"""Golden data for Tests/PicturesTests from real PIL + torchvision.

Run: /work/main/.venv-torch/bin/python scripts/golden/make_pictures_golden.py
Writes small fixtures into Tests/PicturesTests/Golden/.
"""
import json, os, struct, zlib
import numpy as np
import torch
import torchvision
import torchvision.transforms.functional as TF
from torchvision.utils import make_grid, save_image
import PIL
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "PicturesTests", "Golden")
ASTRONAUT = "/work/shared/data/astronaut.png"
os.makedirs(OUT, exist_ok=True)


def floats(t):
    return [float(v) for v in t.flatten().tolist()]


def pixels(im):
    return [int(v) for v in np.asarray(im).flatten().tolist()]


def write_png_raw(path, width, height, color_type, bit_depth, rows, interlace=0):
    """A minimal PNG writer for what PIL cannot write (16-bit RGB, Adam7)."""
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, interlace)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def adam7_rows(arr, bpp):
    """Adam7-interlaced scanlines (each pass's rows) for an H x W x C uint8/uint16-bytes array."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    rows = []
    h, w = arr.shape[:2]
    for x0, y0, dx, dy in passes:
        sub = arr[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        for r in sub:
            rows.append(r.tobytes())
    return rows


golden = {"versions": {"torch": torch.__version__, "torchvision": torchvision.__version__, "PIL": PIL.__version__}}

# 1. astronaut: 16x16 crop fixture, ToTensor of the crop and sampled values of the full image.
full = Image.open(ASTRONAUT)
golden["astronaut"] = {"size": list(full.size), "mode": full.mode}
crop = full.crop((200, 100, 216, 116))
crop.save(os.path.join(OUT, "astronaut_crop.png"))
crop = Image.open(os.path.join(OUT, "astronaut_crop.png"))
golden["crop_to_tensor"] = {"shape": list(TF.to_tensor(crop).shape), "values": floats(TF.to_tensor(crop))}
t_full = TF.to_tensor(full)
coords = [(0, 0), (511, 511), (100, 200), (256, 256), (37, 411), (500, 3)]
golden["full_samples"] = [{"x": x, "y": y, "rgb": floats(t_full[:, y, x])} for x, y in coords]
full_l = full.convert("L")
golden["full_L_samples"] = [{"x": x, "y": y, "L": full_l.getpixel((x, y))} for x, y in coords]
golden["crop_L"] = pixels(crop.convert("L"))

# 2. resizes of the crop (PIL default BICUBIC, BILINEAR, torchvision smaller-edge resize).
golden["resize"] = []
for size, name in [((7, 11), "bicubic"), ((23, 37), "bicubic"), ((7, 11), "bilinear"), ((40, 9), "bilinear"),
                   ((50, 5), "bicubic"), ((5, 50), "bicubic"), ((9, 4), "bicubic")]:
    resample = {"bicubic": Image.BICUBIC, "bilinear": Image.BILINEAR}[name]
    im = crop.resize(size, resample) if name == "bilinear" else crop.resize(size)
    golden["resize"].append({"size": list(size), "filter": name, "pixels": pixels(im)})
rect = full.crop((0, 0, 30, 20))
rect.save(os.path.join(OUT, "astronaut_rect.png"))
tv = TF.resize(rect, 8)
golden["tv_resize"] = {"size": list(tv.size), "pixels": pixels(tv)}

# RGBA resize (PIL premultiplies alpha).
rgba = crop.convert("RGBA")
a = np.asarray(rgba).copy()
a[..., 3] = (np.arange(256).reshape(16, 16) * 7 % 256).astype(np.uint8)
rgba = Image.fromarray(a, "RGBA")
rgba.save(os.path.join(OUT, "rgba16.png"))
golden["rgba_resize"] = {"size": [9, 5], "pixels": pixels(rgba.resize((9, 5)))}

# 3. PNG flavours: expected PIL convert("RGB") / convert("RGBA") pixels.
rng = np.random.default_rng(0)
flavours = {}
base = (rng.integers(0, 256, size=(6, 8, 3))).astype(np.uint8)
Image.fromarray(base, "RGB").quantize(7).save(os.path.join(OUT, "png_palette.png"))
p = Image.fromarray(base, "RGB").quantize(5)
p.info["transparency"] = 2
p.save(os.path.join(OUT, "png_palette_trns.png"), transparency=2)
Image.fromarray(base[..., 0] > 128).save(os.path.join(OUT, "png_gray1.png"))
Image.fromarray(base[..., 1], "L").save(os.path.join(OUT, "png_gray8.png"))
Image.fromarray(np.dstack([base[..., 0], base[..., 2]]), "LA").save(os.path.join(OUT, "png_la.png"))
Image.fromarray(np.dstack([base, base[..., :1]]), "RGBA").save(os.path.join(OUT, "png_rgba.png"))
b16 = (base.astype(np.uint16) * 257 + rng.integers(0, 200, size=base.shape)).astype(">u2")
write_png_raw(os.path.join(OUT, "png_rgb16.png"), 8, 6, 2, 16, [r.tobytes() for r in b16])
write_png_raw(os.path.join(OUT, "png_gray16.png"), 8, 6, 0, 16, [r.tobytes() for r in b16[..., 0]])
write_png_raw(os.path.join(OUT, "png_interlaced.png"), 8, 6, 2, 8, adam7_rows(base, 3), interlace=1)
for name in ["png_palette", "png_palette_trns", "png_gray1", "png_gray8", "png_la", "png_rgba", "png_rgb16", "png_gray16", "png_interlaced"]:
    im = Image.open(os.path.join(OUT, name + ".png"))
    im.load()
    flavours[name] = {"pil_mode": im.mode, "rgb": pixels(im.convert("RGB")), "rgba": pixels(im.convert("RGBA")),
                      "L": pixels(im.convert("L")) if im.mode not in ("I;16", "I;16B", "I") else None}
golden["png_flavours"] = flavours
# PIL opens 16-bit gray as I;16 and clips it to 255 on convert("L"/"RGB"); nnsh keeps the high byte
# (as PIL does for 16-bit RGB), so the expectation is the raw samples >> 8.
golden["gray16_high_byte"] = [int(v) >> 8 for v in np.asarray(Image.open(os.path.join(OUT, "png_gray16.png"))).flatten()]

# 4. JPEG decoded by PIL (libjpeg-turbo, ISLOW, fancy upsampling).
crop.save(os.path.join(OUT, "astronaut_crop.jpg"), quality=90)
golden["jpeg_decoded"] = pixels(Image.open(os.path.join(OUT, "astronaut_crop.jpg")).convert("RGB"))
crop.convert("L").save(os.path.join(OUT, "gray_crop.jpg"), quality=90)
golden["jpeg_gray_decoded"] = pixels(Image.open(os.path.join(OUT, "gray_crop.jpg")))

# 5. make_grid / save_image on small random tensors.
torch.manual_seed(0)
cases = [
    ("batch_rgb", torch.rand(5, 3, 4, 5), dict(nrow=2, padding=1)),
    ("batch_gray_norm", torch.randn(3, 1, 4, 4), dict(normalize=True)),
    ("scale_each_range", torch.randn(4, 3, 3, 3), dict(nrow=3, normalize=True, value_range=(-0.5, 0.5), scale_each=True, pad_value=0.25)),
    ("scale_each", torch.randn(3, 3, 2, 3) * 3, dict(nrow=2, normalize=True, scale_each=True, padding=3)),
    ("single_2d", torch.randn(4, 6), dict(normalize=True)),
    ("single_3d", torch.rand(3, 4, 4), dict()),
    ("default_nrow", torch.rand(10, 3, 2, 2), dict()),
    ("out_of_range", torch.randn(2, 3, 3, 3) * 2, dict(padding=0)),
]
golden["make_grid"] = []
for name, t, kw in cases:
    g = make_grid(t, **kw)
    path = os.path.join("/tmp", f"nnsh_golden_{name}.png")
    save_image(t, path, **kw)
    saved = Image.open(path)
    kwj = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()}
    golden["make_grid"].append({"name": name, "shape": list(t.shape), "input": floats(t), "kwargs": kwj,
                                "grid_shape": list(g.shape), "grid": floats(g),
                                "saved_mode": saved.mode, "saved_size": list(saved.size), "saved": pixels(saved)})
    os.remove(path)

# 6. to_pil_image truncation and normalize.
t = torch.tensor([[[0.0, 0.5, 0.999], [1.0, 0.2, 0.7]]])
golden["to_pil_image"] = {"input": floats(t), "shape": list(t.shape), "pixels": pixels(TF.to_pil_image(t))}
x = torch.rand(3, 2, 3)
golden["normalize"] = {"input": floats(x), "shape": list(x.shape), "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
                       "output": floats(TF.normalize(x, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]))}

with open(os.path.join(OUT, "pictures_golden.json"), "w") as f:
    json.dump(golden, f, separators=(",", ":"))
print("wrote", OUT, sorted(os.listdir(OUT)))
for k, v in flavours.items():
    print(k, v["pil_mode"])
