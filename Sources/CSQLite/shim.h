// The system SQLite (Debian's libsqlite3-dev), for the BoardIndex target.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast that Swift cannot import: SQLite copies the bound
// bytes before the call returns.
static inline sqlite3_destructor_type lanes_sqlite_transient(void) { return SQLITE_TRANSIENT; }
