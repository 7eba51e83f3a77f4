// The figures of a counterfactual: public, in carbonscope/counterfactual.h (kept under
// this name for the report sinks that carry them).
#pragma once

#include "carbonscope/counterfactual.h"
