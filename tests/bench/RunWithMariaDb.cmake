# cmake -DFIXTURE=... -DSTATE=... -DBENCHMARK=... -P RunWithMariaDb.cmake
# Starts a throwaway MariaDB, runs the benchmark against it and stops the server again,
# also when the benchmark fails.
execute_process(COMMAND "${FIXTURE}" start "${STATE}" RESULT_VARIABLE started)
if(NOT started EQUAL 0)
    message(FATAL_ERROR "The MariaDB fixture did not start.")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "RELEASEDECK_TEST_MARIADB=${STATE}" "${BENCHMARK}"
    RESULT_VARIABLE ran)
execute_process(COMMAND "${FIXTURE}" stop "${STATE}")
if(NOT ran EQUAL 0)
    message(FATAL_ERROR "${BENCHMARK} failed.")
endif()
