# The --lexicons option of the frnews command: lexicon files of a directory over the built-in ones.
# Run by CTest with -DFRNEWS=<command> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch folder>.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/mine")
include("${SOURCE_DIR}/tests/command_checks.cmake")

# "ronchonner" is no built-in reporting verb: nothing is reported, until a file adds it.
file(WRITE "${WORK_DIR}/article.txt" "Paul Girard a ronchonné que la réforme était morte.\n")
run(0 "${FRNEWS}" quotes "${WORK_DIR}/article.txt")
expect("${out}" "\"quotes\":\\[\\]")
file(WRITE "${WORK_DIR}/mine/reporting_verbs.tsv" "# reporting verbs of my corpus\nronchonner\ter\n")
foreach(command IN ITEMS quotes analyze)
  run(0 "${FRNEWS}" ${command} --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
  expect("${out}" "\"text\":\"la réforme était morte\",[^}]*\"kind\":\"indirect\"")
  expect("${out}" "\"speaker\":{[^}]*\"name\":\"Paul Girard\"")
  expect("${out}" "\"cue\":{[^}]*\"text\":\"a ronchonné\",\"lemma\":\"ronchonner\"}")
endforeach()
# The built-in verbs stay: the file extends the built-in one.
file(WRITE "${WORK_DIR}/said.txt" "Paul Girard a déclaré que la réforme était morte.\n")
run(0 "${FRNEWS}" quotes --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/said.txt")
expect("${out}" "\"lemma\":\"déclarer\"")
# "# replace" first: only the file's verbs are left.
file(WRITE "${WORK_DIR}/mine/reporting_verbs.tsv" "# replace\nronchonner\ter\n")
run(0 "${FRNEWS}" quotes --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/said.txt")
expect("${out}" "\"quotes\":\\[\\]")

# The other commands take the option too.
run(0 "${FRNEWS}" entities --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
run(0 "${FRNEWS}" normalize --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
run(0 "${FRNEWS}" report --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
expect("${out}" "ronchonn")
run(0 "${FRNEWS}" analyze --help)
expect("${out}" "--lexicons DIR")

# A malformed line, an unknown file name, a missing directory: errors naming them.
file(WRITE "${WORK_DIR}/mine/reporting_verbs.tsv" "ronchonner\ter\nbougonner\tre\n")
run(1 "${FRNEWS}" analyze --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
expect("${err}" "mine/reporting_verbs.tsv:2: unknown conjugation class re")
file(REMOVE "${WORK_DIR}/mine/reporting_verbs.tsv")
file(WRITE "${WORK_DIR}/mine/verbs.tsv" "ronchonner\ter\n")
run(1 "${FRNEWS}" quotes --lexicons "${WORK_DIR}/mine" "${WORK_DIR}/article.txt")
expect("${err}" "mine/verbs.tsv: not a lexicon file; the lexicon files are [^\n]*reporting_verbs.tsv")
run(1 "${FRNEWS}" normalize --lexicons "${WORK_DIR}/absent" "${WORK_DIR}/article.txt")
expect("${err}" "absent")
