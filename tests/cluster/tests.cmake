# The real two-node Slurm cluster test (label cluster), and the cs_cluster unit tests.
carbonscope_tests(cluster unit/cluster cs_cluster)
add_test(NAME cluster.slurm
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cluster/slurm_cluster_test.sh $<TARGET_FILE:carbonscope>
                 $<$<TARGET_EXISTS:carbonscope_spank>:$<TARGET_FILE:carbonscope_spank>>)
set_tests_properties(cluster.slurm PROPERTIES LABELS cluster SKIP_RETURN_CODE 77 TIMEOUT 240 RUN_SERIAL TRUE)
