# End-to-end checks of the frnews command: exit codes, JSON Lines order and ids, bad lines.
# Run by CTest with -DFRNEWS=<command> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch folder>.
file(MAKE_DIRECTORY "${WORK_DIR}")

include("${SOURCE_DIR}/tests/command_checks.cmake")

run(0 "${FRNEWS}" --version)
expect("${out}" "^frnews [0-9]+\\.[0-9]+\\.[0-9]+")
run(2 "${FRNEWS}" analyze --no-such-option)
run(2 "${FRNEWS}")

# A plain text file is one document.
run(0 "${FRNEWS}" analyze "${SOURCE_DIR}/examples/data/article.txt")
expect("${out}" "^{\"id\":\"[^\"]*article.txt\",\"quotes\":\\[.*\\],\"entities\":\\[.*\\]}\n$")

# JSON Lines: one output line per input line, same order and ids; bad lines become error objects
# in place, the others are still processed, and the exit status is 1.
file(WRITE "${WORK_DIR}/in.jsonl"
  "{\"id\": \"a\", \"text\": \"Le Premier ministre a démissionné.\"}\n"
  "{\"id\": 7, \"source\": \"ignored\", \"text\": \"« Non », a-t-il répondu.\"}\n"
  "not json\n"
  "{\"id\": \"no-text\"}\n"
  "{\"id\": \"last\", \"text\": \"\"}\n")
run(1 "${FRNEWS}" analyze --jsonl "${WORK_DIR}/in.jsonl")
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(LENGTH lines count)
if(NOT count EQUAL 5)
  message(FATAL_ERROR "expected 5 output lines, got ${count}:\n${out}")
endif()
list(GET lines 0 first)
list(GET lines 1 second)
list(GET lines 2 third)
list(GET lines 3 fourth)
list(GET lines 4 fifth)
expect("${first}" "^{\"id\":\"a\",")
expect("${second}" "^{\"id\":7,")
expect("${third}" "^{\"id\":null,\"error\":\"[^\"]+\",\"line\":3}$")
expect("${fourth}" "^{\"id\":\"no-text\",\"error\":\"no \\\\\"text\\\\\" field\",\"line\":4}$")
expect("${fifth}" "^{\"id\":\"last\",\"quotes\":\\[\\],\"entities\":\\[\\]}$")
expect("${err}" "in.jsonl:3: ")
expect("${err}" "in.jsonl:4: ")

# Several threads give the same output in the same order.
run(1 "${FRNEWS}" analyze --jsonl -j 2 "${WORK_DIR}/in.jsonl")
string(REGEX MATCHALL "[^\n]+" threaded "${out}")
if(NOT threaded STREQUAL lines)
  message(FATAL_ERROR "-j 2 changed the output:\n${out}")
endif()

# normalize prints the text.
file(WRITE "${WORK_DIR}/plain.txt" "Bonjour.")
run(0 "${FRNEWS}" normalize "${WORK_DIR}/plain.txt")
expect("${out}" "^Bonjour\\.\n$")
run(1 "${FRNEWS}" normalize "${WORK_DIR}/missing.txt")
expect("${err}" "cannot read [^\n]*missing.txt: No such file or directory")

# Directories are read recursively, *.txt files in name order.
file(MAKE_DIRECTORY "${WORK_DIR}/corpus/sub")
file(WRITE "${WORK_DIR}/corpus/b.txt" "Deuxième dépêche.")
file(WRITE "${WORK_DIR}/corpus/sub/a.txt" "Troisième dépêche.")
file(WRITE "${WORK_DIR}/corpus/a.txt" "Première dépêche.")
file(WRITE "${WORK_DIR}/corpus/notes.md" "pas une dépêche")
run(0 "${FRNEWS}" analyze --no-progress "${WORK_DIR}/corpus")
string(REGEX MATCHALL "[^\n]+" lines "${out}")
list(LENGTH lines count)
if(NOT count EQUAL 3)
  message(FATAL_ERROR "expected 3 documents from the directory, got ${count}:\n${out}")
endif()
expect("${out}" "corpus/a.txt\".*corpus/b.txt\".*corpus/sub/a.txt\"")

# --pretty spreads one object over several lines; --progress never reaches stdout.
run(0 "${FRNEWS}" analyze --pretty --progress "${WORK_DIR}/plain.txt")
expect("${out}" "^{\n  \"id\": \"[^\"]*plain.txt\",\n  \"quotes\": \\[\\],\n")
expect("${err}" "1 documents")

# A full disk on output: a clear message and status 1, never a silent loss.
if(EXISTS /dev/full)
  execute_process(COMMAND "${FRNEWS}" analyze --no-progress "${WORK_DIR}/plain.txt"
                  OUTPUT_FILE /dev/full RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 1)
    message(FATAL_ERROR "writing to a full disk exited ${status}, expected 1\n${err}")
  endif()
  expect("${err}" "cannot write the output")
endif()

# An input that cannot be read is reported and skipped; the others are still analysed.
run(1 "${FRNEWS}" analyze --no-progress "${WORK_DIR}/missing.txt" "${WORK_DIR}/plain.txt")
expect("${err}" "cannot read [^\n]*missing.txt")
expect("${out}" "plain.txt\",\"quotes\"")

# Errors carry the system's reason, the knowledge-base loader's included.
run(1 "${FRNEWS}" kb info "${WORK_DIR}/missing.kb")
expect("${err}" "cannot read knowledge base [^\n]*missing.kb: No such file or directory")
run(1 "${FRNEWS}" kb build "${WORK_DIR}/missing.json" "${WORK_DIR}/out.kb")
expect("${err}" "cannot read [^\n]*missing.json: No such file or directory")

# A misspelt command names the nearest one; an unrelated word lists them all. Usage errors: 2.
run(2 "${FRNEWS}" analyse "${WORK_DIR}/plain.txt")
expect("${err}" "^frnews: unknown command 'analyse'; did you mean 'analyze'\\?\n$")
run(2 "${FRNEWS}" kb bild "${WORK_DIR}/missing.json" "${WORK_DIR}/out.kb")
expect("${err}" "unknown command 'bild'; did you mean 'build'\\?")
run(2 "${FRNEWS}" --version-of-the-day)
run(2 "${FRNEWS}" traduire)
expect("${err}" "unknown command 'traduire'; the commands are analyze, quotes, [^\n]*normalize")
run(2 "${FRNEWS}" xy)
expect("${err}" "unknown command 'xy'; the commands are")

# normalize --help lists the names of the choices, not the values they map to.
run(0 "${FRNEWS}" normalize --help)
expect("${out}" "--typography[^\n]*{keep,canonical,ascii}")
expect("${out}" "--html[^\n]*{auto,on,off}")
if(out MATCHES "->")
  message(FATAL_ERROR "normalize --help shows mapped values:\n${out}")
endif()

# --explain shows each repair before and after, invisible characters and newlines escaped; the
# text on stdout ends with a newline.
file(WRITE "${WORK_DIR}/explain.txt" "Le maire&nbsp;: &laquo;&nbsp;Non&nbsp;&raquo;, a-t-il dit.\r\nFin")
run(0 "${FRNEWS}" normalize --html on --explain "${WORK_DIR}/explain.txt")
expect("${err}" "html_entity 8-14 \"&nbsp;\" -> \"\\\\u00A0\"\n")
expect("${err}" "html_entity 16-23 \"&laquo;\" -> \"«\"\n")
expect("${err}" "newline 58-60 \"\\\\r\\\\n\" -> \"\\\\n\"\n")
expect("${out}" "^Le maire[^\n]*dit\\.\nFin\n$")

# --progress ends on a line at 100 % (JSON Lines: more input bytes than text bytes).
file(WRITE "${WORK_DIR}/good.jsonl"
  "{\"id\": 1, \"text\": \"Il pleut sur Brest.\"}\n"
  "{\"id\": 2, \"text\": \"Le préfet a parlé.\"}\n")
run(0 "${FRNEWS}" analyze --jsonl --progress "${WORK_DIR}/good.jsonl")
expect("${err}" "2 documents, [^\n]*, 100% *\n$")
# Messages written while a progress line is shown start a line of their own.
file(WRITE "${WORK_DIR}/prose.txt" "Le conseil municipal s'est réuni.\nIl a voté le budget.\n")
run(1 "${FRNEWS}" analyze --jsonl --progress "${WORK_DIR}/prose.txt")
expect("${err}" "\nfrnews: [^\n]*prose.txt: not JSON Lines")

# A plain text file starting with a byte-order mark: offsets count its three bytes, so that
# they point into the file as it is.
string(ASCII 239 187 191 bom)
file(WRITE "${WORK_DIR}/bom.txt" "${bom}« Bonjour », a dit Paul Martin.")
run(0 "${FRNEWS}" quotes "${WORK_DIR}/bom.txt")
expect("${out}" "\"start\":6,\"end\":13,\"text\":\"Bonjour\"")

# Writing a knowledge base where it cannot go says why.
file(WRITE "${WORK_DIR}/tiny.tsv" "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\nQ90\tParis\tParis\tLOC\t\t0.9\tcapitale de la France\n")
run(1 "${FRNEWS}" kb build "${WORK_DIR}/tiny.tsv" "${WORK_DIR}/no-such-folder/out.kb")
expect("${err}" "cannot write knowledge base [^\n]*out.kb: No such file or directory")
