# The --kb option of the frnews command: user knowledge bases, TSV or binary, over the built-in one.
# Run by CTest with -DFRNEWS=<command> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch folder>.
file(MAKE_DIRECTORY "${WORK_DIR}")
include("${SOURCE_DIR}/tests/command_checks.cmake")

file(WRITE "${WORK_DIR}/mine.tsv"
  "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
  "Q90\tParis\tParis intra-muros\tLOC\t\t0.4\tles vingt arrondissements\n"
  "\tSaint-Aubin-des-Pruniers\tSaint-Aubin-des-Pruniers\tLOC\t\t0.7\tvillage de la vallée\n")
file(WRITE "${WORK_DIR}/second.tsv"
  "Q90\tParis\tParis (seconde couche)\tLOC\t\t0.9\tcapitale\n"
  "\tRivebelle-les-Flots\tRivebelle-les-Flots\tLOC\t\t0.7\tstation balnéaire\n")
run(0 "${FRNEWS}" kb build "${WORK_DIR}/second.tsv" "${WORK_DIR}/second.kb")
# The form is told by the content: a binary file named .tsv is read as binary.
file(COPY_FILE "${WORK_DIR}/second.kb" "${WORK_DIR}/binary-named.tsv")
file(WRITE "${WORK_DIR}/article.txt"
  "Le maire de Saint-Aubin-des-Pruniers a rencontré à Paris celui de Rivebelle-les-Flots et le président "
  "de la Commission européenne.")

foreach(second IN ITEMS second.kb binary-named.tsv)
  run(0 "${FRNEWS}" entities --kb "${WORK_DIR}/mine.tsv" --kb "${WORK_DIR}/${second}" "${WORK_DIR}/article.txt")
  # The first file wins over the second and over the built-in entry; new entries of both are
  # found, known by their Wikipedia title alone; the built-in entries stay.
  expect("${out}" "\"text\":\"Paris\",\"type\":\"LOC\",\"id\":\"Q90\",\"wiki\":\"Paris\",\"name\":\"Paris intra-muros\"")
  expect("${out}" "\"id\":null,\"wiki\":\"Saint-Aubin-des-Pruniers\"")
  expect("${out}" "\"id\":null,\"wiki\":\"Rivebelle-les-Flots\"")
  expect("${out}" "\"id\":\"Q8880\"")
endforeach()

run(0 "${FRNEWS}" quotes --kb "${WORK_DIR}/mine.tsv" "${WORK_DIR}/article.txt")
run(0 "${FRNEWS}" analyze --kb "${WORK_DIR}/second.kb" "${WORK_DIR}/article.txt")
expect("${out}" "\"name\":\"Paris \\(seconde couche\\)\"")

# A missing or malformed knowledge base is an error naming it.
run(1 "${FRNEWS}" analyze --kb "${WORK_DIR}/absent.tsv" "${WORK_DIR}/article.txt")
expect("${err}" "absent.tsv")
file(WRITE "${WORK_DIR}/bad.tsv" "Q90\tParis\tParis\tVILLE\t\t0.5\t\n")
run(1 "${FRNEWS}" entities --kb "${WORK_DIR}/bad.tsv" "${WORK_DIR}/article.txt")
expect("${err}" "bad.tsv:1: bad type")
