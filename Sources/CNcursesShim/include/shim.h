#ifndef LANES_NCURSES_SHIM_H
#define LANES_NCURSES_SHIM_H

#include <stdint.h>
#include <wchar.h>

/// A thin, macro-free surface over ncursesw for Swift. Every ncurses macro and global that
/// Swift cannot import (or that Swift 6 refuses to touch) is wrapped here.

/// Sets the locale from the environment and starts curses. Returns 0 on success, -1 if the
/// terminal could not be initialised (unknown TERM, not a terminal).
int lanes_start(void);
/// Returns 1 if the locale lanes_start set encodes text as UTF-8 (what ncurses then writes), else 0.
int lanes_locale_is_utf8(void);
/// Returns 1 if the terminal can address the cursor (a full-screen UI is possible), else 0.
int lanes_can_address_cursor(void);
/// Restores the terminal and exits on SIGTERM, SIGINT and SIGHUP.
void lanes_install_signal_handlers(void);
/// Stops the process (SIGTSTP) with the terminal restored, and takes it back on SIGCONT.
void lanes_suspend_process(void);
/// 1: Ctrl-C, Ctrl-\\ and Ctrl-Z act as signals again, as before curses started (while the board
/// loads behind its first screen, typed keys still wait); 0: back to raw keys.
void lanes_keys_signal(int on);
/// Ends curses and restores the terminal. Safe to call more than once.
void lanes_stop(void);
/// Suspend/resume around a child process ($EDITOR) or SIGTSTP.
void lanes_suspend(void);
void lanes_resume(void);

int lanes_lines(void);
int lanes_cols(void);
int lanes_has_colors(void);
int lanes_colors(void);
int lanes_color_pairs(void);

/// Defines pair `pair` as fg/bg (-1 = terminal default). Returns 0 on success.
int lanes_init_pair(int pair, int fg, int bg);

/// Attribute bits, mirrored from the A_* macros.
enum {
    LANES_ATTR_BOLD = 1,
    LANES_ATTR_UNDERLINE = 2,
    LANES_ATTR_REVERSE = 4,
    LANES_ATTR_DIM = 8,
    LANES_ATTR_ITALIC = 16,
};

/// Draws one grapheme (up to 5 wide chars) at y, x with the given colour pair and attributes.
int lanes_put(int y, int x, const wchar_t *chars, int count, int pair, int attrs);
/// Moves the hardware cursor and flushes changes to the terminal.
void lanes_flush(int cy, int cx, int show_cursor);
/// Forces a full repaint on the next flush (Ctrl-L).
void lanes_clear(void);

/// Result of reading a key.
typedef struct {
    int kind;      /* 0 = none (timeout), 1 = character, 2 = function key, 3 = error */
    uint32_t code; /* the character, or the KEY_* code */
} lanes_key;

/// Waits up to `timeout_ms` (-1 forever) for a key.
lanes_key lanes_read_key(int timeout_ms);

/// Turns mouse reporting on (clicks, double clicks, wheel) or off.
void lanes_enable_mouse(int on);
/// Reads the pending mouse event after KEY_MOUSE. kind: 1 click, 2 double click, 3 wheel up,
/// 4 wheel down, 0 anything else. Returns 0 on success.
int lanes_read_mouse(int *x, int *y, int *kind);

/// KEY_* codes that are macros in curses.h.
int lanes_key_resize(void);
int lanes_key_up(void);
int lanes_key_down(void);
int lanes_key_left(void);
int lanes_key_right(void);
int lanes_key_home(void);
int lanes_key_end(void);
int lanes_key_npage(void);
int lanes_key_ppage(void);
int lanes_key_backspace(void);
int lanes_key_dc(void);
int lanes_key_enter(void);
int lanes_key_btab(void);
int lanes_key_f(int n);
int lanes_key_mouse(void);

#endif
