# The summary scripts/demo.sh prints: `frnews analyze` piped into scripts/demo_summary.py shows
# each quote with its speaker, shortened when long, in quotation marks unless reported speech,
# and each entity once with its link.
#   cmake -DFRNEWS=… -DPYTHON=… -DSOURCE_DIR=… -DWORK_DIR=… -P demo_summary_test.cmake
file(MAKE_DIRECTORY "${WORK_DIR}")
set(article "${WORK_DIR}/article.txt")
file(WRITE "${article}" "« Nous ne céderons rien sur la réforme des retraites, ni cette semaine ni \
la suivante », a déclaré jeudi Élisabeth Borne à Matignon. Élisabeth Borne a assuré que le texte \
serait voté en mars.\n")
execute_process(
  COMMAND "${FRNEWS}" analyze "${article}"
  COMMAND "${PYTHON}" "${SOURCE_DIR}/scripts/demo_summary.py"
  OUTPUT_VARIABLE output ERROR_VARIABLE error RESULTS_VARIABLE statuses)
if(NOT statuses STREQUAL "0;0")
  message(FATAL_ERROR "frnews analyze | demo_summary.py exited with ${statuses}:\n${error}")
endif()
foreach(expected
    "\n  direct +Élisabeth Borne: « Nous ne céderons rien sur la réforme des retraites, ni cette se… »\n"
    "\n  indirect +Élisabeth Borne: le texte serait voté en mars\n"
    "\n  PER +Élisabeth Borne \\([^)]+\\) ×2\n")
  if(NOT output MATCHES "${expected}")
    message(FATAL_ERROR "the summary lacks a line matching '${expected}':\n${output}")
  endif()
endforeach()
