# The Prometheus exporter scraped by Debian's real prometheus, and its exposition checked
# by promtool, and the Grafana dashboard's queries checked by promtool (each skipped, exit 77, when the package is missing). Bounded to 60 s.
foreach(mode scrape promtool grafana)
  add_test(NAME prometheus_${mode}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/metrics_test.py ${mode} $<TARGET_FILE:carbonscope>)
  set_tests_properties(prometheus_${mode} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60 LABELS prometheus)
endforeach()
