#include "shim.h"

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <unistd.h>


static int started = 0;

int lanes_start(void) {
    setlocale(LC_ALL, "");
    if (newterm(NULL, stdout, stdin) == NULL) {
        return -1;
    }
    started = 1;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 0;
}

int lanes_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0 ? 1 : 0;
}

int lanes_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return (cup != NULL && cup != (char *)-1) ? 1 : 0;
}

void lanes_keys_signal(int on) {
    if (!started) return;
    if (on) cbreak(); else raw();
}

static void on_fatal_signal(int sig) {
    if (started) {
        endwin();
    }
    _exit(128 + sig);
}

void lanes_install_signal_handlers(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = on_fatal_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
}

void lanes_suspend_process(void) {
    if (!started) return;
    def_prog_mode();
    endwin();
    kill(getpid(), SIGTSTP);
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
}

void lanes_stop(void) {
    if (started) {
        curs_set(1);
        endwin();
        started = 0;
    }
}

void lanes_suspend(void) {
    if (started) {
        def_prog_mode();
        endwin();
    }
}

void lanes_resume(void) {
    if (started) {
        reset_prog_mode();
        refresh();
    }
}

int lanes_lines(void) { return LINES; }
int lanes_cols(void) { return COLS; }
int lanes_has_colors(void) { return has_colors() ? 1 : 0; }
int lanes_colors(void) { return COLORS; }
int lanes_color_pairs(void) { return COLOR_PAIRS; }

int lanes_init_pair(int pair, int fg, int bg) {
    return init_pair((short)pair, (short)fg, (short)bg) == OK ? 0 : -1;
}

int lanes_put(int y, int x, const wchar_t *chars, int count, int pair, int attrs) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    attr_t a = A_NORMAL;
    if (attrs & LANES_ATTR_BOLD) a |= A_BOLD;
    if (attrs & LANES_ATTR_UNDERLINE) a |= A_UNDERLINE;
    if (attrs & LANES_ATTR_REVERSE) a |= A_REVERSE;
    if (attrs & LANES_ATTR_DIM) a |= A_DIM;
    if (attrs & LANES_ATTR_ITALIC) a |= A_ITALIC;
    cchar_t cell;
    if (setcchar(&cell, buffer, a, (short)pair, NULL) != OK) return -1;
    return mvadd_wch(y, x, &cell) == OK ? 0 : -1;
}

void lanes_flush(int cy, int cx, int show_cursor) {
    curs_set(show_cursor ? 1 : 0);
    if (show_cursor) move(cy, cx);
    refresh();
}

void lanes_clear(void) { clearok(curscr, TRUE); }

lanes_key lanes_read_key(int timeout_ms) {
    lanes_key key = {0, 0};
    timeout(timeout_ms);
    wint_t ch = 0;
    int rc = get_wch(&ch);
    if (rc == ERR) {
        key.kind = 0;
    } else if (rc == KEY_CODE_YES) {
        key.kind = 2;
        key.code = (uint32_t)ch;
    } else {
        key.kind = 1;
        key.code = (uint32_t)ch;
    }
    return key;
}

void lanes_enable_mouse(int on) {
    if (on) {
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(300);
    } else {
        mousemask(0, NULL);
    }
}

int lanes_read_mouse(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_DOUBLE_CLICKED) *kind = 2;
    else if (event.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) *kind = 1;
    else if (event.bstate & BUTTON4_PRESSED) *kind = 3;
    else if (event.bstate & BUTTON5_PRESSED) *kind = 4;
    else *kind = 0;
    return 0;
}

int lanes_key_resize(void) { return KEY_RESIZE; }
int lanes_key_up(void) { return KEY_UP; }
int lanes_key_down(void) { return KEY_DOWN; }
int lanes_key_left(void) { return KEY_LEFT; }
int lanes_key_right(void) { return KEY_RIGHT; }
int lanes_key_home(void) { return KEY_HOME; }
int lanes_key_end(void) { return KEY_END; }
int lanes_key_npage(void) { return KEY_NPAGE; }
int lanes_key_ppage(void) { return KEY_PPAGE; }
int lanes_key_backspace(void) { return KEY_BACKSPACE; }
int lanes_key_dc(void) { return KEY_DC; }
int lanes_key_enter(void) { return KEY_ENTER; }
int lanes_key_btab(void) { return KEY_BTAB; }
int lanes_key_f(int n) { return KEY_F(n); }
int lanes_key_mouse(void) { return KEY_MOUSE; }
