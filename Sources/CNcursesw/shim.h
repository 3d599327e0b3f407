// The wide-character ncurses API for Swift. SwiftPM's pkgConfig would drop the
// defines below, and with them get_wch, cchar_t and setcchar.
#ifndef VAKT_CNCURSESW_SHIM_H
#define VAKT_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <wchar.h>
#include <curses.h>

// Swift 6 rejects C global variables: reach them through functions.
static inline WINDOW *vakt_stdscr(void) { return stdscr; }
static inline WINDOW *vakt_curscr(void) { return curscr; }
static inline int vakt_lines(void) { return LINES; }
static inline int vakt_cols(void) { return COLS; }
static inline int vakt_colors(void) { return COLORS; }
static inline int vakt_color_pairs(void) { return COLOR_PAIRS; }

static const attr_t vakt_A_NORMAL = A_NORMAL;
static const attr_t vakt_A_BOLD = A_BOLD;
static const attr_t vakt_A_REVERSE = A_REVERSE;
static const attr_t vakt_A_UNDERLINE = A_UNDERLINE;
static const attr_t vakt_A_DIM = A_DIM;

// Function-like macros do not import.
static inline int vakt_key_f(int n) { return KEY_F(n); }
static inline attr_t vakt_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline void vakt_getmaxyx(WINDOW *window, int *rows, int *columns) {
    int y, x;
    getmaxyx(window, y, x);
    *rows = y;
    *columns = x;
}

// One cell of wide text: a spacing character and up to CCHARW_MAX - 1
// combining ones, NUL-terminated in `text`. Returns ERR when curses refuses it.
static inline int vakt_put_cell(WINDOW *window, int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(window, y, x, &cell);
}
// One character of one scalar: the common case, without building a string.
static inline int vakt_put_scalar(WINDOW *window, int y, int x, wchar_t scalar, attr_t attributes, int pair) {
    wchar_t text[2] = { scalar, 0 };
    return vakt_put_cell(window, y, x, text, attributes, pair);
}
static inline int vakt_ccharw_max(void) { return CCHARW_MAX; }

// The C library's column width of one character, as ncurses measures it
// (declared here: <wchar.h> hides it unless _XOPEN_SOURCE is set).
extern int wcwidth(wchar_t);
static inline int vakt_wcwidth(wchar_t character) { return wcwidth(character); }

// A terminfo string capability, or NULL when the terminal lacks it.
static inline const char *vakt_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

// sigaction's handler field is a union (a macro on some systems).
static inline int vakt_set_signal_handler(int sig, void (*handler)(int), int flags, struct sigaction *previous) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    action.sa_handler = handler;
    return sigaction(sig, &action, previous);
}
static inline int vakt_set_signal_default(int sig) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = SIG_DFL;
    return sigaction(sig, &action, NULL);
}
// Calls a saved handler (ncurses' SIGWINCH one) from inside our own.
static inline void vakt_call_signal_handler(const struct sigaction *saved, int sig) {
    if (saved->sa_flags & SA_SIGINFO) {
        if (saved->sa_sigaction != NULL) saved->sa_sigaction(sig, NULL, NULL);
    } else if (saved->sa_handler != SIG_DFL && saved->sa_handler != SIG_IGN && saved->sa_handler != NULL) {
        saved->sa_handler(sig);
    }
}
#endif
