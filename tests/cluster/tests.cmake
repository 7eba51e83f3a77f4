# The real two-node Slurm cluster test (label cluster), and the cs_cluster unit tests.
carbonscope_tests(cluster unit/cluster cs_cluster)
add_test(NAME cluster.slurm
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cluster/slurm_cluster_test.sh $<TARGET_FILE:carbonscope>
                 $<$<TARGET_EXISTS:carbonscope_spank>:$<TARGET_FILE:carbonscope_spank>>)
set_tests_properties(cluster.slurm PROPERTIES LABELS cluster SKIP_RETURN_CODE 77 TIMEOUT 240 RUN_SERIAL TRUE)
# The benchmark's synthetic dump is the same for the same seed, whatever Python's string
# hash salt (PYTHONHASHSEED): the figures of docs/performance.md can be reproduced.
add_test(NAME cluster.gen_sacct_seeded
         COMMAND bash -c "d=$(mktemp -d) && trap 'rm -rf $d' EXIT && for s in 1 2; do PYTHONHASHSEED=$s /usr/bin/python3 ${PROJECT_SOURCE_DIR}/bench/gen_sacct.py 300 $d/$s.psv --seed 2 || exit 1; done && cmp $d/1.psv $d/2.psv")
set_tests_properties(cluster.gen_sacct_seeded PROPERTIES LABELS cluster)
