// The system SQLite (Debian's libsqlite3-dev), for the BoardIndex target.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast that Swift cannot import: SQLite copies the bound
// bytes before the call returns.
static inline sqlite3_destructor_type lanes_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// sqlite3_db_config is variadic, which Swift cannot call: a connection that closes leaves the
// WAL for the next one instead of checkpointing (and syncing) it every time.
static inline int lanes_sqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}
