// Kept for the archive's own sources: the SQLite helpers are public now
// (kilima/archive/sqlite.h) so modules owning tables beside the index
// (users, routing queue, cloud copies, reports) share one implementation.
#pragma once

#include <kilima/archive/sqlite.h>
