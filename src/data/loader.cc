// DataLoader: builds a DataSet from CSV texts and validates it: units and ranges per
// column, duplicate keys, and references (source ids, zones, parents).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <sys/stat.h>

#include "carbonscope/data.h"
#include "data/csv.h"
#include "data/embedded.h"
#include "data/row_reader.h"

namespace carbonscope {

class DataLoader {
 public:
  using Files = std::map<std::string, std::string_view>;

  // kFull validates every row (user files); kTrusted, for the built-in tables, which
  // the test suite validates in full, skips the reference and duplicate checks and
  // defers each table to its first use (DataSet::ensure).
  enum class Mode { kFull, kTrusted };

  static Result<std::shared_ptr<const DataSet>> load(const Files& files, Mode mode) {
    auto ds = std::make_shared<DataSet>();
    if (mode == Mode::kTrusted) {
      for (const Spec& spec : kSpecs) {
        if (const auto it = files.find(spec.file); it != files.end()) ds->deferred_[spec.table].text = it->second;
      }
      return std::shared_ptr<const DataSet>(std::move(ds));
    }
    DataLoader l(*ds, mode);
    for (const Spec& spec : kSpecs) {
      CS_RETURN_IF_ERROR(l.each(files, spec));
      if (spec.table == DataSet::kZones) CS_RETURN_IF_ERROR(l.check_zone_parents());
    }
    if (files.contains("constants.csv")) {
      for (const char* key : {"memory_w_per_gb", "hours_per_year"}) {
        if (ds->constant(key) == nullptr) {
          return Status::data_error(fmt::format(
              "constants.csv:1: no row with key '{}': carbonscope needs it; copy the row from the built-in constants.csv",
              key));
        }
      }
    }
    return std::shared_ptr<const DataSet>(std::move(ds));
  }

  // One row of the deferred built-in CPU table, parsed with the table's header.
  static Result<Cpu> deferred_cpu_row(const DataSet& ds, std::string_view line) {
    const std::string_view text = ds.deferred_[DataSet::kCpus].text;
    const std::string one = fmt::format("{}\n{}\n", text.substr(0, text.find('\n')), line);
    DataSet scratch;
    DataLoader l(scratch, Mode::kTrusted);
    CS_RETURN_IF_ERROR(l.each({{"cpus.csv", one}}, kSpecs[DataSet::kCpus]));
    if (scratch.cpus_.size() != 1) return Status::data_error("cpus.csv: no row");
    return std::move(scratch.cpus_.front());
  }

  // The rows of `zone` in the deferred built-in grid_intensity.csv, whose lines are
  // sorted by zone in byte order (tools/data/build_tables.py sorts them; a test checks
  // every zone against the full parse): a binary search over byte offsets finds the
  // zone's first line, and only its lines are parsed, with the table's header.
  static Result<std::vector<IntensityRow>> deferred_zone_rows(const DataSet& ds, std::string_view zone) {
    const std::string_view text = ds.deferred_[DataSet::kIntensities].text;
    const std::size_t body = text.find('\n') == std::string_view::npos ? text.size() : text.find('\n') + 1;
    const auto next_line = [&](std::size_t p) {  // start of the first line at or after p >= body
      if (p <= body) return body;
      const std::size_t nl = text.find('\n', p - 1);
      return nl == std::string_view::npos ? text.size() : nl + 1;
    };
    const auto zone_of = [&](std::size_t line) {
      const std::size_t end = std::min(text.find_first_of(",\n", line), text.size());
      return text.substr(line, end - line);
    };
    std::size_t lo = body, hi = text.size();
    while (lo < hi) {  // the first offset whose next line is past the zones before `zone`
      const std::size_t mid = lo + (hi - lo) / 2;
      const std::size_t line = next_line(mid);
      if (line < text.size() && zone_of(line) < zone) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const std::size_t first = next_line(lo);
    std::size_t last = first;
    while (last < text.size() && zone_of(last) == zone) last = next_line(last + 1);
    if (first == last) return std::vector<IntensityRow>{};
    const std::string rows = fmt::format("{}{}", text.substr(0, body), text.substr(first, last - first));
    DataSet scratch;
    DataLoader l(scratch, Mode::kTrusted);
    CS_RETURN_IF_ERROR(l.each({{"grid_intensity.csv", rows}}, kSpecs[DataSet::kIntensities]));
    std::vector<IntensityRow> out = std::move(scratch.intensities_);
    std::stable_sort(out.begin(), out.end(), [](const IntensityRow& a, const IntensityRow& b) { return a.year < b.year; });
    return out;
  }

  // Parses one deferred built-in table (called once per table, from DataSet::ensure).
  static Status load_deferred(DataSet& ds, DataSet::Table table) {
    DataLoader l(ds, Mode::kTrusted);
    for (const Spec& spec : kSpecs) {
      if (spec.table == table) return l.each({{spec.file, ds.deferred_[table].text}}, spec);
    }
    return {};
  }

 private:
  DataLoader(DataSet& ds, Mode mode) : ds_(ds), mode_(mode) {}

  using RowFn = Status (DataLoader::*)(const RowReader&);

  // One table: its file, the columns it must have and the row parser. In this order
  // (a table's references point to earlier ones: sources, then zones).
  struct Spec {
    DataSet::Table table;
    const char* file;
    std::initializer_list<std::string_view> columns;
    RowFn row;
  };
  static const Spec kSpecs[DataSet::kTableCount];

  Status each(const Files& files, const Spec& spec) {
    CS_RETURN_IF_ERROR(each(files, spec.file, spec.columns, spec.row));
    if (spec.table == DataSet::kIntensities) build_index();
    return {};
  }

  Status each(const Files& files, const std::string& name, std::initializer_list<std::string_view> columns,
              RowFn fn) {
    const auto it = files.find(name);
    if (it == files.end()) return {};
    CS_ASSIGN_OR_RETURN(CsvTable t, CsvTable::parse(name, it->second));
    CS_RETURN_IF_ERROR(t.require_columns(columns));
    keys_.clear();
    for (std::size_t i = 0; i < t.size(); ++i) CS_RETURN_IF_ERROR((this->*fn)(RowReader(t, i)));
    return {};
  }

  Status unique(const RowReader& r, const std::string& key) {
    if (mode_ == Mode::kTrusted) return {};
    if (!keys_.insert(key).second) return r.error(fmt::format("duplicate entry '{}'", key));
    return {};
  }

  Status source_ref(const RowReader& r) {
    // One or more ids joined by '|'; the first is the main source.
    if (mode_ == Mode::kTrusted) return {};
    const std::vector<std::string> ids = r.list("source_id");
    if (ids.empty()) return r.error("column 'source_id' is empty");
    for (const std::string& id : ids) {
      if (ds_.source(id) == nullptr) return r.error(fmt::format("source_id '{}' is not in SOURCES.csv", id));
    }
    return {};
  }

  Status zone_ref(const RowReader& r, const std::string& zone) {
    if (mode_ == Mode::kTrusted) return {};
    if (zone_codes_.count(zone) == 0) return r.error(fmt::format("zone '{}' is not in zones.csv", zone));
    return {};
  }

  Status source(const RowReader& r) {
    Source s;
    CS_ASSIGN_OR_RETURN(s.id, r.required("source_id"));
    CS_RETURN_IF_ERROR(unique(r, s.id));
    CS_ASSIGN_OR_RETURN(s.title, r.required("title"));
    CS_ASSIGN_OR_RETURN(s.licence, r.required("licence"));
    static const std::set<std::string> kLicences = {"CC-BY-4.0", "Apache-2.0", "MIT", "public-domain", "facts"};
    if (kLicences.count(s.licence) == 0) {
      return r.error(fmt::format("licence '{}' is not one carbonscope may ship (CC-BY-4.0, Apache-2.0, MIT, "
                                 "public-domain, facts)", s.licence));
    }
    s.publisher = r.text("publisher");
    s.url = r.text("url");
    s.basis = r.text("basis");
    s.notes = r.text("notes");
    CS_RETURN_IF_ERROR(r.optional_integer("year", 1900, 2100, s.year));
    ds_.sources_.push_back(std::move(s));
    return {};
  }

  Status zone(const RowReader& r) {
    Zone z;
    CS_ASSIGN_OR_RETURN(z.code, r.required("zone"));
    CS_RETURN_IF_ERROR(unique(r, z.code));
    CS_ASSIGN_OR_RETURN(z.name, r.required("name"));
    CS_ASSIGN_OR_RETURN(z.kind, r.required("kind"));
    z.iso3 = r.text("iso3");
    z.continent = r.text("continent");
    z.parent = r.text("parent");
    z.aliases = r.list("aliases");
    zone_codes_.insert(z.code);
    zone_lines_.push_back(r.where());
    ds_.zones_.push_back(std::move(z));
    return {};
  }

  Status check_zone_parents() {
    for (std::size_t i = 0; i < ds_.zones_.size(); ++i) {
      const Zone& z = ds_.zones_[i];
      if (!z.parent.empty() && zone_codes_.count(z.parent) == 0) {
        return Status::data_error(fmt::format("{}: parent zone '{}' is not in zones.csv", zone_lines_[i], z.parent));
      }
    }
    return {};
  }

  Status intensity(const RowReader& r) {
    IntensityRow row;
    CS_ASSIGN_OR_RETURN(row.zone, r.required("zone"));
    CS_RETURN_IF_ERROR(zone_ref(r, row.zone));
    CS_ASSIGN_OR_RETURN(row.year, r.integer("year", 1990, 2100));
    CS_RETURN_IF_ERROR(unique(r, fmt::format("{} {}", row.zone, row.year)));
    CS_ASSIGN_OR_RETURN(row.g_per_kwh, r.number("g_per_kwh", 0, 2000));
    CS_RETURN_IF_ERROR(source_ref(r));
    row.source_id = r.text("source_id");
    ds_.intensities_.push_back(std::move(row));
    return {};
  }

  Status cloud_region(const RowReader& r) {
    CloudRegion c;
    CS_ASSIGN_OR_RETURN(c.provider, r.required("provider"));
    CS_ASSIGN_OR_RETURN(c.region, r.required("region"));
    c.name = r.text("name");
    c.location = r.text("location");
    CS_ASSIGN_OR_RETURN(c.zone, r.required("zone"));
    CS_RETURN_IF_ERROR(zone_ref(r, c.zone));
    CS_ASSIGN_OR_RETURN(c.g_per_kwh, r.optional_number("g_per_kwh", 0, 2000));
    CS_RETURN_IF_ERROR(r.optional_integer("year", 1990, 2100, c.year));
    CS_RETURN_IF_ERROR(unique(r, fmt::format("{}:{} {}", c.provider, c.region, c.year)));
    CS_ASSIGN_OR_RETURN(c.cfe_share, r.optional_number("cfe_share", 0, 1));
    CS_ASSIGN_OR_RETURN(c.pue, r.optional_number("pue", 1, 3));
    CS_RETURN_IF_ERROR(source_ref(r));
    c.source_id = r.text("source_id");
    ds_.cloud_regions_.push_back(std::move(c));
    return {};
  }

  Status pue(const RowReader& r) {
    PueRow p;
    CS_ASSIGN_OR_RETURN(p.provider, r.required("provider"));
    CS_RETURN_IF_ERROR(unique(r, p.provider));
    CS_ASSIGN_OR_RETURN(p.pue, r.number("pue", 1, 3));
    CS_ASSIGN_OR_RETURN(std::optional<double> lo, r.optional_number("low", 1, 3));
    CS_ASSIGN_OR_RETURN(std::optional<double> hi, r.optional_number("high", 1, 3));
    p.low = lo.value_or(p.pue);
    p.high = hi.value_or(p.pue);
    if (p.low > p.pue || p.pue > p.high) return r.error("need low <= pue <= high");
    CS_RETURN_IF_ERROR(r.optional_integer("year", 1990, 2100, p.year));
    CS_RETURN_IF_ERROR(source_ref(r));
    p.source_id = r.text("source_id");
    ds_.pues_.push_back(std::move(p));
    return {};
  }

  Status accelerator(const RowReader& r) {
    Accelerator a;
    CS_ASSIGN_OR_RETURN(a.name, r.required("name"));
    CS_RETURN_IF_ERROR(unique(r, a.name));
    a.aliases = r.list("aliases");
    a.vendor = r.text("vendor");
    a.kind = r.text("kind");
    a.form_factor = r.text("form_factor");
    CS_ASSIGN_OR_RETURN(std::optional<double> tdp, r.optional_number("tdp_w", 1, 3000));
    a.tdp_w = tdp.value_or(0);  // 0: no source gives one
    CS_ASSIGN_OR_RETURN(std::optional<double> mem, r.optional_number("memory_gb", 0, 4096));
    a.memory_gb = mem.value_or(0);
    for (const char* p : {"fp64", "fp32", "tf32", "fp16", "bf16", "fp8"}) {
      // 1 GFLOPS to 100 PFLOPS per device: a peak outside it is a typo (1e-300 made energies n/a).
      CS_ASSIGN_OR_RETURN(std::optional<double> v, r.optional_number(std::string(p) + "_tflops", 1e-3, 1e5));
      if (v) a.tflops[p] = *v;
    }
    CS_ASSIGN_OR_RETURN(std::optional<double> int8, r.optional_number("int8_tops", 1e-3, 1e5));
    if (int8) a.tflops["int8"] = *int8;
    CS_RETURN_IF_ERROR(r.optional_integer("release_year", 1990, 2100, a.release_year));
    CS_ASSIGN_OR_RETURN(a.embodied_kg, r.optional_number("embodied_kg", 0, 10000));
    a.embodied_method = r.text("embodied_method");
    CS_RETURN_IF_ERROR(source_ref(r));
    a.source_id = r.text("source_id");
    ds_.accelerators_.push_back(std::move(a));
    return {};
  }

  Status instance(const RowReader& r) {
    Instance m;
    CS_ASSIGN_OR_RETURN(m.name, r.required("name"));
    CS_RETURN_IF_ERROR(unique(r, m.name));
    m.aliases = r.list("aliases");
    CS_ASSIGN_OR_RETURN(m.kind, r.required("kind"));
    if (m.kind != "cloud" && m.kind != "node") return r.error("kind must be cloud or node");
    m.provider = r.text("provider");
    if (m.kind == "cloud" && m.provider.empty()) return r.error("a cloud instance needs its provider");
    CS_ASSIGN_OR_RETURN(m.gpu, r.required("gpu"));
    if (mode_ == Mode::kFull) {
      bool known = false;
      for (const Accelerator& a : ds_.accelerators_) known = known || a.name == m.gpu;
      if (!known) return r.error(fmt::format("gpu '{}' is not a name of accelerators.csv", m.gpu));
    }
    CS_ASSIGN_OR_RETURN(m.gpu_count, r.integer("gpu_count", 1, 64));
    CS_RETURN_IF_ERROR(r.optional_integer("vcpus", 1, 4096, m.vcpus));
    m.cpu = r.text("cpu");
    m.architecture = r.text("architecture");
    CS_ASSIGN_OR_RETURN(m.cpu_w_min, r.number("cpu_w_min", 0, 10000));
    CS_ASSIGN_OR_RETURN(m.cpu_w_max, r.number("cpu_w_max", 0, 10000));
    if (m.cpu_w_min > m.cpu_w_max) return r.error("need cpu_w_min <= cpu_w_max");
    CS_ASSIGN_OR_RETURN(m.memory_gb, r.number("memory_gb", 0, 65536));
    CS_ASSIGN_OR_RETURN(m.max_system_w, r.optional_number("max_system_w", 1, 200000));
    if (m.kind == "node" && !m.max_system_w) return r.error("a node needs its max_system_w");
    CS_RETURN_IF_ERROR(source_ref(r));
    m.source_id = r.text("source_id");
    ds_.instances_.push_back(std::move(m));
    return {};
  }

  Status cpu(const RowReader& r) {
    Cpu c;
    CS_ASSIGN_OR_RETURN(c.name, r.required("name"));
    c.key = r.text("key");
    if (mode_ == Mode::kFull) {
      // A user file's key is recomputed; a wrong one would silently break matching.
      const std::string computed = normalise_cpu_name(c.name);
      if (!c.key.empty() && c.key != computed) {
        return r.error(fmt::format("column 'key' is '{}' but the name normalises to '{}'", c.key, computed));
      }
      c.key = computed;
      CS_RETURN_IF_ERROR(unique(r, c.key));
    }
    c.vendor = r.text("vendor");
    CS_ASSIGN_OR_RETURN(c.tdp_w, r.number("tdp_w", 0.01, 1000));
    CS_RETURN_IF_ERROR(r.optional_integer("cores", 1, 1024, c.cores));
    CS_RETURN_IF_ERROR(r.optional_integer("threads", 1, 4096, c.threads));
    CS_RETURN_IF_ERROR(source_ref(r));
    c.source_id = r.text("source_id");
    ds_.cpus_.push_back(std::move(c));
    return {};
  }

  Status constant(const RowReader& r) {
    Constant c;
    CS_ASSIGN_OR_RETURN(c.key, r.required("key"));
    CS_RETURN_IF_ERROR(unique(r, c.key));
    // Every constant is a non-negative physical figure (W/GB, hours, ...), its range too.
    CS_ASSIGN_OR_RETURN(c.value, r.number("value", 0, 1e12));
    CS_ASSIGN_OR_RETURN(std::optional<double> lo, r.optional_number("low", 0, 1e12));
    CS_ASSIGN_OR_RETURN(std::optional<double> hi, r.optional_number("high", 0, 1e12));
    c.low = lo.value_or(c.value);
    c.high = hi.value_or(c.value);
    if (c.low > c.value || c.value > c.high) return r.error("need low <= value <= high");
    CS_ASSIGN_OR_RETURN(c.unit, r.required("unit"));
    c.note = r.text("note");
    CS_RETURN_IF_ERROR(source_ref(r));
    c.source_id = r.text("source_id");
    ds_.constants_.push_back(std::move(c));
    return {};
  }

  Status equivalent(const RowReader& r) {
    Equivalent e;
    CS_ASSIGN_OR_RETURN(e.key, r.required("key"));
    CS_RETURN_IF_ERROR(unique(r, e.key));
    CS_ASSIGN_OR_RETURN(e.name, r.required("name"));
    CS_ASSIGN_OR_RETURN(e.kg_per_unit, r.number("kg_co2e_per_unit", 0, 1e9));
    if (e.kg_per_unit <= 0) return r.error("kg_co2e_per_unit must be greater than zero");
    CS_ASSIGN_OR_RETURN(e.unit, r.required("unit"));
    CS_RETURN_IF_ERROR(source_ref(r));
    e.source_id = r.text("source_id");
    ds_.equivalents_.push_back(std::move(e));
    return {};
  }

  Status mfu(const RowReader& r) {
    MfuEvidence m;
    CS_ASSIGN_OR_RETURN(m.id, r.required("id"));
    CS_RETURN_IF_ERROR(unique(r, m.id));
    m.hardware = r.list("hardware");
    if (m.hardware.empty()) return r.error("column 'hardware' is empty: name the accelerators (A100, H100|H800)");
    m.model = r.text("model");
    CS_ASSIGN_OR_RETURN(m.params_b, r.number("params_b", 1e-6, 1e6));
    CS_ASSIGN_OR_RETURN(m.mfu, r.number("mfu", 1e-4, 1));
    CS_ASSIGN_OR_RETURN(m.low, r.number("low", 1e-4, 1));
    CS_ASSIGN_OR_RETURN(m.high, r.number("high", 1e-4, 1));
    if (m.low > m.mfu || m.mfu > m.high) return r.error("need low <= mfu <= high");
    CS_RETURN_IF_ERROR(source_ref(r));
    m.source_id = r.text("source_id");
    m.note = r.text("note");
    ds_.mfu_evidence_.push_back(std::move(m));
    return {};
  }

  Status moe(const RowReader& r) {
    MoeModel m;
    CS_ASSIGN_OR_RETURN(m.model, r.required("model"));
    CS_RETURN_IF_ERROR(unique(r, m.model));
    m.aliases = r.list("aliases");
    CS_ASSIGN_OR_RETURN(m.total_params_b, r.number("total_params_b", 1e-6, 1e6));
    CS_ASSIGN_OR_RETURN(m.active_params_b, r.number("active_params_b", 1e-6, 1e6));
    if (m.active_params_b >= m.total_params_b) return r.error("need active_params_b < total_params_b");
    CS_RETURN_IF_ERROR(source_ref(r));
    m.source_id = r.text("source_id");
    m.note = r.text("note");
    ds_.moe_models_.push_back(std::move(m));
    return {};
  }

  void build_index() {
    for (std::size_t i = 0; i < ds_.intensities_.size(); ++i) {
      ds_.intensity_index_[ds_.intensities_[i].zone].push_back(i);
    }
    for (auto& [zone, rows] : ds_.intensity_index_) {
      std::sort(rows.begin(), rows.end(),
                [&](std::size_t a, std::size_t b) { return ds_.intensities_[a].year < ds_.intensities_[b].year; });
    }
  }

  DataSet& ds_;
  Mode mode_;
  std::set<std::string> keys_;
  std::set<std::string> zone_codes_;
  std::vector<std::string> zone_lines_;
};

const DataLoader::Spec DataLoader::kSpecs[DataSet::kTableCount] = {
    {DataSet::kSources, "SOURCES.csv", {"source_id", "title", "licence"}, &DataLoader::source},
    {DataSet::kZones, "zones.csv", {"zone", "name", "kind"}, &DataLoader::zone},
    {DataSet::kIntensities, "grid_intensity.csv", {"zone", "year", "g_per_kwh", "source_id"}, &DataLoader::intensity},
    {DataSet::kCloudRegions, "cloud_regions.csv", {"provider", "region", "zone", "source_id"},
     &DataLoader::cloud_region},
    {DataSet::kPues, "pue.csv", {"provider", "pue", "source_id"}, &DataLoader::pue},
    {DataSet::kAccelerators, "accelerators.csv", {"name", "tdp_w", "source_id"}, &DataLoader::accelerator},
    {DataSet::kCpus, "cpus.csv", {"name", "tdp_w", "source_id"}, &DataLoader::cpu},
    {DataSet::kConstants, "constants.csv", {"key", "value", "unit", "source_id"}, &DataLoader::constant},
    {DataSet::kEquivalents, "equivalents.csv", {"key", "name", "kg_co2e_per_unit", "unit", "source_id"},
     &DataLoader::equivalent},
    {DataSet::kMfu, "mfu.csv", {"id", "hardware", "params_b", "mfu", "low", "high", "source_id"}, &DataLoader::mfu},
    {DataSet::kMoe, "moe_models.csv", {"model", "total_params_b", "active_params_b", "source_id"}, &DataLoader::moe},
    {DataSet::kInstances, "instances.csv", {"name", "kind", "gpu", "gpu_count", "source_id"}, &DataLoader::instance},
};

namespace {

DataLoader::Files builtin_files() {
  DataLoader::Files files;
  for (const embedded::File& f : embedded::files()) files.emplace(std::string(f.name), f.contents);
  return files;
}

}  // namespace

void DataSet::parse_deferred(Table t) const {
  std::call_once(deferred_[t].once, [this, t] {
    const Status s = DataLoader::load_deferred(const_cast<DataSet&>(*this), t);
    if (!s.ok()) std::fprintf(stderr, "carbonscope: internal error in a built-in table: %s\n", s.message().c_str());
  });
}

const Cpu* DataSet::deferred_cpu_row(std::string_view line) const {
  auto row = DataLoader::deferred_cpu_row(*this, line);
  if (!row.ok()) {
    std::fprintf(stderr, "carbonscope: internal error in the built-in CPU table: %s\n", row.status().message().c_str());
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(cpu_rows_mu_);
  cpu_rows_.push_back(std::move(row).value());
  return &cpu_rows_.back();
}

const std::vector<IntensityRow>& DataSet::deferred_zone_rows(std::string_view zone) const {
  std::lock_guard<std::mutex> lock(cpu_rows_mu_);
  if (const auto it = zone_rows_.find(zone); it != zone_rows_.end()) return it->second;
  auto rows = DataLoader::deferred_zone_rows(*this, zone);
  if (!rows.ok()) {
    std::fprintf(stderr, "carbonscope: internal error in the built-in grid intensity table: %s\n",
                 rows.status().message().c_str());
  }
  return zone_rows_.emplace(std::string(zone), rows.ok() ? std::move(rows).value() : std::vector<IntensityRow>{})
      .first->second;
}

Result<std::shared_ptr<const DataSet>> embedded::load_tables(bool validate) {
  return DataLoader::load(builtin_files(), validate ? DataLoader::Mode::kFull : DataLoader::Mode::kTrusted);
}

Result<std::shared_ptr<const DataSet>> DataSet::builtin() {
  static const Result<std::shared_ptr<const DataSet>> kBuiltin = embedded::load_tables(false);
  return kBuiltin;
}

Result<std::shared_ptr<const DataSet>> DataSet::builtin_validated() { return embedded::load_tables(true); }

Result<std::shared_ptr<const DataSet>> DataSet::from_texts(const std::map<std::string, std::string>& files) {
  DataLoader::Files views(files.begin(), files.end());
  return DataLoader::load(views, DataLoader::Mode::kFull);
}

Result<std::shared_ptr<const DataSet>> DataSet::with_overrides(const std::string& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::invalid_argument(fmt::format("data directory '{}' does not exist or is not a directory", dir));
  }
  DataLoader::Files files = builtin_files();
  std::vector<std::unique_ptr<std::string>> texts;  // owns what the views point to
  for (auto& [name, text] : files) {
    std::ifstream in(dir + "/" + name, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(std::make_unique<std::string>(ss.str()));
    text = *texts.back();
  }
  auto r = DataLoader::load(files, DataLoader::Mode::kFull);
  if (!r.ok()) return r.status().with_context(fmt::format("data directory {}", dir));
  return r;
}

}  // namespace carbonscope
