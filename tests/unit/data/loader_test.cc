// Loading validates tables: ranges, duplicates, references, licences, file:line errors.
#include <gtest/gtest.h>

#include "carbonscope/data.h"

namespace carbonscope {
namespace {

std::map<std::string, std::string> base() {
  return {{"SOURCES.csv", "source_id,title,publisher,year,url,licence,basis,notes\n"
                          "s1,Source one,Pub,2024,http://x,CC-BY-4.0,lifecycle,\n"
                          "s2,Source two,Pub,2020,,MIT,,\n"},
          {"zones.csv", "zone,name,kind,iso3,continent,parent,aliases\n"
                        "WORLD,World,world,,,,\nFR,France,country,FRA,EU,WORLD,\n"
                        "US,United States,country,USA,NA,WORLD,\nUS-OR,Oregon,subnational,,NA,US,\n"},
          {"grid_intensity.csv", "zone,year,g_per_kwh,source_id\nFR,2021,58,s1\nFR,2023,44,s1\n"
                                 "US,2022,380,s1|s2\nWORLD,2023,480,s1\n"}};
}

Status load_with(const std::string& file, const std::string& text) {
  auto files = base();
  files[file] = text;
  return DataSet::from_texts(files).status();
}

TEST(Loader, LoadsAndLooksUpIntensity) {
  auto ds = DataSet::from_texts(base());
  ASSERT_TRUE(ds.ok()) << ds.status().to_string();
  const auto fr = (*ds)->intensity("FR");
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ(fr->row->year, 2023);
  EXPECT_DOUBLE_EQ(fr->row->g_per_kwh, 44);
  const auto fr22 = (*ds)->intensity("FR", 2022);
  EXPECT_EQ(fr22->row->year, 2021);
  EXPECT_NE(fr22->note.find("no 2022 figure"), std::string::npos);
  const auto early = (*ds)->intensity("FR", 2005);
  EXPECT_EQ(early->row->year, 2021);
  const auto oregon = (*ds)->intensity("US-OR");
  ASSERT_TRUE(oregon.ok());
  EXPECT_EQ(oregon->row->zone, "US");
  EXPECT_NE(oregon->note.find("using US's"), std::string::npos);
  EXPECT_EQ(*(*ds)->find_zone("oregon"), &(*ds)->zones()[3]);
  EXPECT_EQ(*(*ds)->find_zone("fra"), &(*ds)->zones()[1]);
}

TEST(Loader, RejectsBadRowsWithFileAndLine) {
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,year,g_per_kwh,source_id\nFR,2021,-5,s1\n").message(),
            "grid_intensity.csv:2: column 'g_per_kwh' = -5 is outside [0, 2000]");
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,year,g_per_kwh,source_id\nFR,2021,5,s1\nFR,2021,6,s1\n").message(),
            "grid_intensity.csv:3: duplicate entry 'FR 2021'");
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,year,g_per_kwh,source_id\nXX,2021,5,s1\n").message(),
            "grid_intensity.csv:2: zone 'XX' is not in zones.csv");
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,year,g_per_kwh,source_id\nFR,2021,5,s9\n").message(),
            "grid_intensity.csv:2: source_id 's9' is not in SOURCES.csv");
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,year,g_per_kwh,source_id\nFR,2021,abc,s1\n").message(),
            "grid_intensity.csv:2: column 'g_per_kwh' holds 'abc', not a number");
  EXPECT_EQ(load_with("grid_intensity.csv", "zone,g_per_kwh,source_id\nFR,5,s1\n").message(),
            "grid_intensity.csv:1: missing column 'year'");
  EXPECT_EQ(load_with("SOURCES.csv", "source_id,title,licence\ns1,T,ODbL-1.0\n").code(), StatusCode::kDataError);
  EXPECT_EQ(load_with("zones.csv", "zone,name,kind,parent\nFR,France,country,EU\n").message(),
            "zones.csv:2: parent zone 'EU' is not in zones.csv");
  EXPECT_EQ(load_with("pue.csv", "provider,pue,low,high,source_id\ngcp,0.9,,,s1\n").message(),
            "pue.csv:2: column 'pue' = 0.9 is outside [1, 3]");
}

TEST(Loader, OverrideDirectoryMustExist) {
  const auto r = DataSet::with_overrides("/nonexistent/carbonscope");
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace carbonscope
