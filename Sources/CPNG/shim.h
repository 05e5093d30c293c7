#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* nnsh: PNG decoding with the full libpng API. libpng reports errors by longjmp; the setjmp
 * below lives in this C function and libpng's callbacks are C, so the jump never crosses a
 * Swift frame. Output follows PIL's normalisation: palette → RGB (RGBA with tRNS), gray < 8 bit
 * → 8 bit, 16 bit → high byte; channels is 1 (L), 2 (LA), 3 (RGB) or 4 (RGBA). */

typedef struct { const unsigned char *data; size_t size, pos; jmp_buf jmp; char msg[256]; } nnsh_png_reader;

static void nnsh_png_read_fn(png_structp png, png_bytep out, size_t n) {
    nnsh_png_reader *r = (nnsh_png_reader *)png_get_io_ptr(png);
    if (n > r->size - r->pos) png_error(png, "truncated PNG data");
    memcpy(out, r->data + r->pos, n);
    r->pos += n;
}

static void nnsh_png_error_fn(png_structp png, png_const_charp msg) {
    nnsh_png_reader *r = (nnsh_png_reader *)png_get_error_ptr(png);
    strncpy(r->msg, msg ? msg : "unknown libpng error", sizeof r->msg - 1);
    r->msg[sizeof r->msg - 1] = 0;
    longjmp(r->jmp, 1);
}

static void nnsh_png_warning_fn(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

/* Returns 0 on success (*pixels is malloc'ed, caller frees), -1 on error with errbuf (256 bytes) set. */
static inline int nnsh_png_decode(const unsigned char *data, size_t size, size_t max_pixels,
                                  unsigned char **pixels, unsigned *width, unsigned *height,
                                  int *channels, char *errbuf) {
    nnsh_png_reader *r = (nnsh_png_reader *)calloc(1, sizeof(nnsh_png_reader));
    png_structp png = NULL; png_infop info = NULL;
    unsigned char *volatile buf = NULL;
    png_bytep *volatile rows = NULL;
    *pixels = NULL;
    if (!r) { strcpy(errbuf, "out of memory"); return -1; }
    r->data = data; r->size = size; r->pos = 0;
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) { strcpy(errbuf, "not a PNG file"); free(r); return -1; }
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r, nnsh_png_error_fn, nnsh_png_warning_fn);
    if (!png) { strcpy(errbuf, "png_create_read_struct failed"); free(r); return -1; }
    info = png_create_info_struct(png);
    if (!info) { png_destroy_read_struct(&png, NULL, NULL); strcpy(errbuf, "png_create_info_struct failed"); free(r); return -1; }
    if (setjmp(r->jmp)) {
        strncpy(errbuf, r->msg, 255); errbuf[255] = 0;
        png_destroy_read_struct(&png, &info, NULL);
        free(rows); free(buf); free(r);
        return -1;
    }
    png_set_read_fn(png, r, nnsh_png_read_fn);
    png_set_user_limits(png, 1000000, 1000000);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    int color = png_get_color_type(png, info), depth = png_get_bit_depth(png, info);
    if ((size_t)w * (size_t)h > max_pixels) png_error(png, "image is too large");
    int ch;
    if (color == PNG_COLOR_TYPE_PALETTE) {
        png_set_palette_to_rgb(png);
        if (png_get_valid(png, info, PNG_INFO_tRNS)) { png_set_tRNS_to_alpha(png); ch = 4; } else ch = 3;
    } else if (color == PNG_COLOR_TYPE_GRAY) {
        if (depth < 8) png_set_expand_gray_1_2_4_to_8(png);
        ch = 1;
    } else if (color == PNG_COLOR_TYPE_GRAY_ALPHA) ch = 2;
    else if (color == PNG_COLOR_TYPE_RGB) ch = 3;
    else if (color == PNG_COLOR_TYPE_RGB_ALPHA) ch = 4;
    else png_error(png, "unsupported PNG colour type");
    if (depth == 16) png_set_strip_16(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * ch) png_error(png, "unexpected PNG row size");
    buf = (unsigned char *)malloc((size_t)w * h * ch + 1);
    rows = (png_bytep *)malloc(sizeof(png_bytep) * (h ? h : 1));
    if (!buf || !rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < h; y++) rows[y] = buf + (size_t)y * w * ch;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows); free(r);
    *pixels = buf; *width = w; *height = h; *channels = ch;
    return 0;
}

/* Encodes 8-bit pixels (channels 1..4) with the simplified API (no longjmp escapes it).
 * Returns 0 and a malloc'ed buffer in *out, or -1 with errbuf set. */
static inline int nnsh_png_encode(const unsigned char *pixels, unsigned width, unsigned height, int channels,
                                  unsigned char **out, size_t *out_size, char *errbuf) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width; image.height = height;
    image.format = channels == 1 ? PNG_FORMAT_GRAY : channels == 2 ? PNG_FORMAT_GA
                 : channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_RGBA;
    png_alloc_size_t size = 0;
    *out = NULL;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, 0, NULL)) {
        strncpy(errbuf, image.message, 255); errbuf[255] = 0; png_image_free(&image); return -1;
    }
    unsigned char *buf = (unsigned char *)malloc(size ? size : 1);
    if (!buf) { strcpy(errbuf, "out of memory"); return -1; }
    if (!png_image_write_to_memory(&image, buf, &size, 0, pixels, 0, NULL)) {
        strncpy(errbuf, image.message, 255); errbuf[255] = 0; free(buf); png_image_free(&image); return -1;
    }
    *out = buf; *out_size = size;
    return 0;
}
