# End-to-end check of `frnews kb build` and `frnews kb info` on a small dump in the Wikidata JSON
# dump format, read plain, gzip- and bzip2-compressed.
# Run by CTest with -DFRNEWS=<command> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch folder>.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(data "${SOURCE_DIR}/tests/data/kb")

include("${SOURCE_DIR}/tests/command_checks.cmake")

function(expect_same_file actual expected)
  file(READ "${actual}" a)
  file(READ "${expected}" b)
  if(NOT a STREQUAL b)
    message(FATAL_ERROR "${actual} differs from ${expected}:\n${a}")
  endif()
endfunction()

file(COPY "${data}/wikidata_sample.json" DESTINATION "${WORK_DIR}")
set(dump "${WORK_DIR}/wikidata_sample.json")
file(ARCHIVE_CREATE OUTPUT "${dump}.gz" PATHS "${dump}" FORMAT raw COMPRESSION GZip)
file(ARCHIVE_CREATE OUTPUT "${dump}.bz2" PATHS "${dump}" FORMAT raw COMPRESSION BZip2)

# Only the items with a French label or a French Wikipedia article are kept.
foreach(input "${dump}" "${dump}.gz" "${dump}.bz2")
  run(0 "${FRNEWS}" kb build "${input}" "${WORK_DIR}/out.tsv")
  expect("${err}" "kept 5 of 7 entities")
  expect_same_file("${WORK_DIR}/out.tsv" "${data}/wikidata_sample.expected.tsv")
endforeach()

# The binary form, from the dump or from the TSV form, and info on both forms.
run(0 "${FRNEWS}" kb build "${dump}.gz" "${WORK_DIR}/out.kb")
run(0 "${FRNEWS}" kb build "${WORK_DIR}/out.tsv" "${WORK_DIR}/converted.kb")
foreach(kb "${WORK_DIR}/out.kb" "${WORK_DIR}/converted.kb" "${WORK_DIR}/out.tsv")
  run(0 "${FRNEWS}" kb info "${kb}")
  expect("${out}" "entities: 5\nPER: 1\nLOC: 1\nORG: 2\nMISC: 1\n")
  expect("${out}" "with Wikidata id: 5\nwith French Wikipedia title: 4\n")
endforeach()

# A line that is not JSON is reported, the others still kept, and the status is 1.
file(READ "${dump}" text)
string(REPLACE "{\"type\":\"item\",\"id\":\"Q4115189\"" "{\"type\":\"item\",\"id\":" text "${text}")
file(WRITE "${WORK_DIR}/broken.json" "${text}")
run(1 "${FRNEWS}" kb build "${WORK_DIR}/broken.json" "${WORK_DIR}/broken.tsv")
expect("${err}" "broken.json:4: not a JSON entity")
expect("${err}" "kept 5 of 7 entities")

# A missing or corrupted file is an error, not a crash.
run(1 "${FRNEWS}" kb info "${WORK_DIR}/absent.kb")
foreach(truncated "${data}/truncated_sample.json.gz" "${data}/truncated_sample.json.bz2")
  run(1 "${FRNEWS}" kb build "${truncated}" "${WORK_DIR}/truncated.tsv")
  expect("${err}" "truncated|unexpected end")
endforeach()
