// zlib ships with every Swift toolchain on Linux (zlib1g-dev is one of its requirements) and
// with macOS; Simpul uses it to read and write PNG for media thumbnails.
#include <zlib.h>
