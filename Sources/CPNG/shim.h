// CPNG — libpng's simplified write API for Swift (the system libpng, zlib inside it).
#ifndef LITHIUMKMC_CPNG_SHIM_H
#define LITHIUMKMC_CPNG_SHIM_H

#include <string.h>
#include <png.h>

/// Encodes 8-bit RGB pixels (rows top to bottom, no padding) as a PNG into `out`. With `out` NULL
/// it only computes the size. Returns the PNG's size in bytes, or 0 on error.
static inline size_t cpng_encode_rgb(const unsigned char *rgb, unsigned width, unsigned height,
                                     void *out, size_t capacity) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = PNG_FORMAT_RGB;
    png_alloc_size_t size = out == NULL ? 0 : capacity;
    if (!png_image_write_to_memory(&image, out, &size, 0, rgb, 0, NULL)) { return 0; }
    return (size_t)size;
}

#endif
