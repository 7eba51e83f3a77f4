// Rendering of `carbonscope plan`: a ranked table for people, JSON (schema
// carbonscope.plan/1, docs/plan.md) for programs, with the same content.
#pragma once

#include <string>

#include "accounting/plan_request.h"

namespace carbonscope::cli {

std::string render_plan_text(const PlanResult& r);
std::string render_plan_json(const PlanResult& r);

}  // namespace carbonscope::cli
