#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <jerror.h>

/* nnsh: JPEG coding with libjpeg(-turbo). libjpeg's error_exit must not return, so it longjmps —
 * to a setjmp in these C functions. No Swift frame lies between setjmp and longjmp (libjpeg calls
 * only the C callbacks here), so the jump is well defined and Swift never sees it. */

typedef struct { struct jpeg_error_mgr pub; jmp_buf jmp; char msg[JMSG_LENGTH_MAX]; int truncated; } nnsh_jpeg_error;

static void nnsh_jpeg_emit_message(j_common_ptr cinfo, int level) {
    nnsh_jpeg_error *e = (nnsh_jpeg_error *)cinfo->err;
    if (level < 0) {
        cinfo->err->num_warnings++;
        if (cinfo->err->msg_code == JWRN_JPEG_EOF) e->truncated = 1;
    }
}

static void nnsh_jpeg_error_exit(j_common_ptr cinfo) {
    nnsh_jpeg_error *e = (nnsh_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, e->msg);
    longjmp(e->jmp, 1);
}

static void nnsh_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

/* Decodes to 8-bit gray (channels 1) or RGB (channels 3). Returns 0, or -1 with errbuf (256 bytes). */
static inline int nnsh_jpeg_decode(const unsigned char *data, size_t size, size_t max_pixels,
                                   unsigned char **pixels, unsigned *width, unsigned *height,
                                   int *channels, char *errbuf) {
    struct jpeg_decompress_struct *cinfo = (struct jpeg_decompress_struct *)calloc(1, sizeof *cinfo);
    nnsh_jpeg_error *err = (nnsh_jpeg_error *)calloc(1, sizeof *err);
    unsigned char *volatile buf = NULL;
    *pixels = NULL;
    if (!cinfo || !err) { free(cinfo); free(err); strcpy(errbuf, "out of memory"); return -1; }
    cinfo->err = jpeg_std_error(&err->pub);
    err->pub.error_exit = nnsh_jpeg_error_exit;
    err->pub.output_message = nnsh_jpeg_output_message;
    err->pub.emit_message = nnsh_jpeg_emit_message;
    if (setjmp(err->jmp)) {
        strncpy(errbuf, err->msg, 255); errbuf[255] = 0;
        jpeg_destroy_decompress(cinfo);
        free(buf); free(cinfo); free(err);
        return -1;
    }
    jpeg_create_decompress(cinfo);
    jpeg_mem_src(cinfo, data, (unsigned long)size);
    jpeg_read_header(cinfo, TRUE);
    /* The size from the header, before start_decompress: a progressive file allocates its whole
       coefficient buffer there (a 530-byte file claiming 65500 x 65500 asked for gigabytes). */
    if ((size_t)cinfo->image_width * cinfo->image_height > max_pixels) { strcpy(err->msg, "image is too large"); longjmp(err->jmp, 1); }
    if (cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK) {
        strcpy(err->msg, "CMYK JPEG files are not supported");
        longjmp(err->jmp, 1);
    }
    int ch = cinfo->num_components == 1 ? 1 : 3;
    cinfo->out_color_space = ch == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(cinfo);
    unsigned w = cinfo->output_width, h = cinfo->output_height;
    if ((size_t)w * h > max_pixels) { strcpy(err->msg, "image is too large"); longjmp(err->jmp, 1); }
    if (cinfo->output_components != ch) { strcpy(err->msg, "unexpected JPEG component count"); longjmp(err->jmp, 1); }
    buf = (unsigned char *)malloc((size_t)w * h * ch + 1);
    if (!buf) { strcpy(err->msg, "out of memory"); longjmp(err->jmp, 1); }
    while (cinfo->output_scanline < h) {
        JSAMPROW row = buf + (size_t)cinfo->output_scanline * w * ch;
        jpeg_read_scanlines(cinfo, &row, 1);
    }
    /* A truncated file makes libjpeg warn and pad with gray; PIL refuses it, and so do we. */
    if (err->truncated) {
        strcpy(err->msg, "image file is truncated or corrupt");
        longjmp(err->jmp, 1);
    }
    jpeg_finish_decompress(cinfo);
    jpeg_destroy_decompress(cinfo);
    free(cinfo); free(err);
    *pixels = buf; *width = w; *height = h; *channels = ch;
    return 0;
}

/* Encodes gray (1) or RGB (3) pixels at `quality` with 4:2:0 chroma subsampling (PIL's default).
 * Returns 0 and a malloc'ed buffer, or -1 with errbuf set. */
static inline int nnsh_jpeg_encode(const unsigned char *pixels, unsigned width, unsigned height, int channels,
                                   int quality, unsigned char **out, size_t *out_size, char *errbuf) {
    struct jpeg_compress_struct *cinfo = (struct jpeg_compress_struct *)calloc(1, sizeof *cinfo);
    nnsh_jpeg_error *err = (nnsh_jpeg_error *)calloc(1, sizeof *err);
    unsigned char *volatile mem = NULL;
    unsigned long mem_size = 0;
    *out = NULL;
    if (!cinfo || !err) { free(cinfo); free(err); strcpy(errbuf, "out of memory"); return -1; }
    cinfo->err = jpeg_std_error(&err->pub);
    err->pub.error_exit = nnsh_jpeg_error_exit;
    err->pub.output_message = nnsh_jpeg_output_message;
    if (setjmp(err->jmp)) {
        strncpy(errbuf, err->msg, 255); errbuf[255] = 0;
        jpeg_destroy_compress(cinfo);
        free(mem); free(cinfo); free(err);
        return -1;
    }
    jpeg_create_compress(cinfo);
    unsigned char *m = NULL;
    jpeg_mem_dest(cinfo, &m, &mem_size);
    cinfo->image_width = width; cinfo->image_height = height;
    cinfo->input_components = channels;
    cinfo->in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE);
    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo->next_scanline * width * channels);
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    mem = m;
    jpeg_destroy_compress(cinfo);
    free(cinfo); free(err);
    *out = (unsigned char *)mem; *out_size = mem_size;
    return 0;
}
