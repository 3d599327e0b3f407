// The wide-character ncurses API for Swift. SwiftPM's pkgConfig would drop the
// defines below, and with them get_wch, cchar_t and setcchar.
#ifndef VAKT_CNCURSESW_SHIM_H
#define VAKT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <curses.h>

// Swift 6 rejects C global variables: reach them through functions.
static inline WINDOW *vakt_stdscr(void) { return stdscr; }
static inline int vakt_lines(void) { return LINES; }
static inline int vakt_cols(void) { return COLS; }
static inline int vakt_colors(void) { return COLORS; }

static const attr_t vakt_A_NORMAL = A_NORMAL;
static const attr_t vakt_A_BOLD = A_BOLD;
static const attr_t vakt_A_REVERSE = A_REVERSE;
static const attr_t vakt_A_UNDERLINE = A_UNDERLINE;
static const attr_t vakt_A_DIM = A_DIM;
#endif
