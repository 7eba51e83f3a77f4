// HTTP routes of the dashboard. Every handler opens the ledger read-only for its own
// request, so pages are always current and a broken request cannot affect another.
#include "serve/dashboard.h"

#include <atomic>

#include <httplib.h>

#include <fmt/format.h>

#include "carbonscope/ledger.h"
#include "serve/dashboard_pages.h"
#include "serve/http_guard.h"
#include "serve/web_assets.h"
#include "formats/json_text.h"
#include "formats/report_json.h"
#include "render/report_render.h"

namespace carbonscope {

struct Dashboard::Impl {
  DashboardOptions options;
  httplib::Server server;
  std::string host;  // the bound address, for the Host header check
  int port = 0;
  // listen() on its thread and stop() from another: a stop before the accept loop has
  // started must still end it (listen() sees `stopping`, or stop() knocks until `done`).
  std::atomic<bool> started{false}, stopping{false}, done{false};
};

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json";
constexpr std::size_t kWorkers = 64;

int http_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kAmbiguous: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kDataError: return 422;
    default: return 500;
  }
}

void fail(httplib::Response& res, const Status& s, bool json) {
  res.status = http_status(s);
  if (json) {
    res.set_content(json_text(nlohmann::json{{"error", s.message()}}), kJson);
  } else {
    res.set_content(error_page(res.status, s.message()), kHtml);
  }
}

Result<Ledger> open_ledger(const DashboardOptions& o) {
  return Ledger::open(o.ledger_path, {Ledger::Mode::kReadOnly, 5000});
}

Result<RunFilter> filter_from(const httplib::Request& req, FilterForm* form) {
  form->project = req.get_param_value("project");
  form->tag = req.get_param_value("tag");
  form->since = req.get_param_value("since");
  form->until = req.get_param_value("until");
  form->status = req.get_param_value("status");
  form->kind = req.get_param_value("kind");
  FilterWords w;
  w.project = form->project;
  if (!form->tag.empty()) w.tags = {form->tag};
  w.since = form->since;
  w.until = form->until;
  w.status = form->status;
  w.kind = form->kind;
  return parse_run_filter(w);
}

bool loopback_client(const httplib::Request& req) {
  const std::string& a = req.remote_addr;
  return a.rfind("127.", 0) == 0 || a == "::1" || a.rfind("::ffff:127.", 0) == 0;
}

Result<ReportBundle> bundle_of(const DashboardOptions& o, const Ledger& ledger, const std::vector<std::string>& ids,
                               bool local_client) {
  ReportBundle b;
  b.regions = o.regions;
  b.equivalents = o.equivalents;
  CS_RETURN_IF_ERROR(gather_runs(ledger, ids, b));
  // Command lines can hold secrets (--api-key=...): shown to this machine only.
  for (Report& r : b.runs) {
    if (!local_client && !r.run.command.empty()) r.run.command = {"(shown to local clients only)"};
  }
  return b;
}

void routes(httplib::Server& s, const DashboardOptions& o, const std::string& bound_host) {
  s.set_pre_routing_handler([&bound_host](const httplib::Request& req, httplib::Response& res) {
    if (host_allowed(bound_host, req)) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 421;
    res.set_content(error_page(421, fmt::format("this dashboard answers to http://{}/ or http://localhost/ only, "
                                                "not to the name '{}'", bound_host, req.get_header_value("Host"))),
                    kHtml);
    return httplib::Server::HandlerResponse::Handled;
  });
  s.Get("/", [&o](const httplib::Request& req, httplib::Response& res) {
    FilterForm form;
    Result<RunFilter> filter = filter_from(req, &form);
    if (!filter.ok()) return fail(res, filter.status(), false);
    filter->limit = o.list_limit;
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), false);
    auto runs = ledger->list(*filter);
    auto total = ledger->count();
    if (!runs.ok()) return fail(res, runs.status(), false);
    res.set_content(runs_page(*runs, form, total.value_or(0), o.list_limit), kHtml);
  });

  s.Get(R"(/runs/([^/]+))", [&o](const httplib::Request& req, httplib::Response& res) {
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), false);
    Result<ReportBundle> b = bundle_of(o, *ledger, {req.matches[1].str()}, loopback_client(req));
    if (!b.ok()) return fail(res, b.status(), false);
    res.set_content(run_page(*b), kHtml);
  });

  s.Get("/projects", [&o](const httplib::Request&, httplib::Response& res) {
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), false);
    auto projects = ledger->project_totals();
    if (!projects.ok()) return fail(res, projects.status(), false);
    res.set_content(projects_page(*projects), kHtml);
  });

  s.Get("/compare", [&o](const httplib::Request& req, httplib::Response& res) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < req.get_param_value_count("id"); ++i) ids.push_back(req.get_param_value("id", i));
    if (ids.size() < 2 || ids.size() > 50) {
      return fail(res, Status::invalid_argument("select between 2 and 50 runs to compare"), false);
    }
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), false);
    Result<ReportBundle> b = bundle_of(o, *ledger, ids, loopback_client(req));
    if (!b.ok()) return fail(res, b.status(), false);
    res.set_content(compare_page(*b), kHtml);
  });

  s.Get("/api/runs", [&o](const httplib::Request& req, httplib::Response& res) {
    FilterForm form;
    Result<RunFilter> filter = filter_from(req, &form);
    if (!filter.ok()) return fail(res, filter.status(), true);
    filter->limit = o.list_limit;
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), true);
    auto runs = ledger->list(*filter);
    if (!runs.ok()) return fail(res, runs.status(), true);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : *runs) {
      arr.push_back({{"id", r.id}, {"project", r.project}, {"start", iso8601_utc(r.start_unix)},
                     {"energy_kwh", r.energy.kwh()}, {"emissions_kg", r.emissions.kg()}, {"complete", r.complete}});
    }
    res.set_content(json_text(arr), kJson);
  });

  s.Get(R"(/api/runs/([^/]+))", [&o](const httplib::Request& req, httplib::Response& res) {
    Result<Ledger> ledger = open_ledger(o);
    if (!ledger.ok()) return fail(res, ledger.status(), true);
    Result<ReportBundle> b = bundle_of(o, *ledger, {req.matches[1].str()}, loopback_client(req));
    if (!b.ok()) return fail(res, b.status(), true);
    res.set_content(json_text(report_bundle_json(*b)), kJson);
  });

  s.Get(R"(/static/([A-Za-z0-9_.-]+))", [](const httplib::Request& req, httplib::Response& res) {
    const EmbeddedFile* asset = find_web_asset(req.matches[1].str());
    if (asset == nullptr) return fail(res, Status::not_found("no such file"), false);
    const bool css = asset->name.ends_with(".css");
    res.set_content(std::string(asset->contents), css ? "text/css; charset=utf-8" : "text/plain; charset=utf-8");
  });

  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    const std::string msg = res.status == 404 ? fmt::format("nothing at {}", req.path) : "bad request";
    res.set_content(error_page(res.status, msg), kHtml);
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content(error_page(500, what), kHtml);
  });
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline'; "
                                                     "img-src 'self' data:; form-action 'self'"}});
  // Idle keep-alive and half-sent connections each hold a worker: many workers, and
  // short timeouts so that a flood of them drains in seconds.
  harden_server(s, kWorkers);
}

}  // namespace

Dashboard::Dashboard(DashboardOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  routes(impl_->server, impl_->options, impl_->host);
}

Dashboard::~Dashboard() { stop(); }

Result<int> Dashboard::bind(const std::string& host, int port) {
  CS_ASSIGN_OR_RETURN(int bound, bind_server(impl_->server, host, port, "--port"));
  impl_->host = host;
  impl_->port = bound;
  return bound;
}

Status Dashboard::listen() {
  impl_->started = true;
  if (impl_->stopping) {  // stopped before the loop began: the loop is over, say so
    impl_->done = true;
    return Status::ok_status();
  }
  const bool ok = impl_->server.listen_after_bind();
  impl_->done = true;
  if (!ok && !impl_->stopping) return Status::io_error("the dashboard server stopped with an error");
  return Status::ok_status();
}

void Dashboard::stop() {
  if (!impl_) return;
  impl_->stopping = true;
  if (!impl_->started || impl_->done) return;
  stop_listening(impl_->server, impl_->host, impl_->port, impl_->done);
}

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace carbonscope
