/* nnsh: PCRE2's 32-bit library, whose code units are Unicode code points, so match offsets are
 * Python string indices as they are. Function-like macros do not cross into Swift; the constants
 * that are expressions do, through these functions. */
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>

static inline size_t nnsh_pcre2_unset(void) { return PCRE2_UNSET; }
