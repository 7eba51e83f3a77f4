// Waiting for the signal that ends a tracking run with no command of its own (`monitor`,
// `exporter`): the run is recorded before the process exits, whichever catchable signal
// asks it to.
#pragma once

#include <optional>

#include "carbonscope/units.h"

namespace carbonscope {

// Blocks SIGINT, SIGTERM, SIGHUP and SIGQUIT in this thread and ignores the other signals
// that would end this process (USR1, USR2, ALRM, PIPE, VTALRM, PROF, XCPU, XFSZ). Call it
// before starting other threads (the sampler, a metrics server), so they inherit the mask.
void block_stop_signals();

// Waits for one of the blocked stop signals, at most `timeout` (nullopt: for ever).
// Returns the signal, or 0 when the time ran out.
int wait_for_stop_signal(std::optional<Duration> timeout = std::nullopt);

}  // namespace carbonscope
