# `frnews report` pages in a real browser: headless Chromium loads them offline and dumps the DOM
# it built, which must hold the quote, speaker and entity markup and nothing a hostile article
# tried to run; Chromium's network log must show no request made by the page.
# Run by CTest with -DFRNEWS=<command> -DCHROMIUM=<browser, or empty> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch>.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
include("${SOURCE_DIR}/tests/command_checks.cmake")

# The command without a browser: one page on stdout, even for binary junk; several documents
# need an output directory.
run(0 "${FRNEWS}" report "${SOURCE_DIR}/examples/data/article.txt")
expect("${out}" "^<!DOCTYPE html>\n<html lang=\"fr\">.*Arnaud Rousseau.*</html>\n$")
string(RANDOM LENGTH 2000 ALPHABET "<>&\"'\\/=;:abc \n" junk)
file(WRITE "${WORK_DIR}/junk.txt" "${junk}")
run(0 "${FRNEWS}" report "${WORK_DIR}/junk.txt")
expect("${out}" "</html>\n$")
run(2 "${FRNEWS}" report "${SOURCE_DIR}/examples/data")
expect("${err}" "needs -o DIRECTORY")
run(1 "${FRNEWS}" report "${WORK_DIR}/missing.txt")

if(NOT CHROMIUM)
  message("Chromium not found: the browser checks are skipped (scripts/test.sh installs it)")
  return()
endif()

# browse(<page> <prefix>): sets <prefix>_dom to the rendered DOM and <prefix>_requests to the
# requests the page started (its origin is "null" in the log, the browser's own are not).
function(browse page prefix)
  set(log "${WORK_DIR}/${prefix}.netlog.json")
  execute_process(
    COMMAND "${CHROMIUM}" --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check
            --disable-extensions --disable-background-networking --disable-component-update --disable-sync
            --disable-default-apps --mute-audio "--host-resolver-rules=MAP * ~NOTFOUND"
            "--user-data-dir=${WORK_DIR}/profile" "--log-net-log=${log}" --dump-dom "file://${page}"
    RESULT_VARIABLE status OUTPUT_VARIABLE dom ERROR_VARIABLE ignored_chromium_noise TIMEOUT 90)
  if(NOT status EQUAL 0 OR NOT dom MATCHES "</html>")
    message(FATAL_ERROR "Chromium did not render ${page} (status ${status})")
  endif()
  file(READ "${log}" netlog)
  string(REGEX MATCHALL "\"initiator\":\"null\"" requests "${netlog}")
  set(${prefix}_dom "${dom}" PARENT_SCOPE)
  set(${prefix}_requests "${requests}" PARENT_SCOPE)
endfunction()

# The checks can fail: in this browser a page's script runs and its image is requested.
file(WRITE "${WORK_DIR}/control.html"
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>témoin</title><script>document.title='exécuté'</script></head>"
  "<body><img src=\"https://example.org/image.png\"></body></html>")
browse("${WORK_DIR}/control.html" control)
expect("${control_dom}" "<title>exécuté</title>")
if(NOT control_requests)
  message(FATAL_ERROR "the network log shows no request of the control page: the check would see none")
endif()

# The seed article: every quote and speaker, the entity links, no request.
set(article "${SOURCE_DIR}/examples/data/article.txt")
run(0 "${FRNEWS}" report "${article}" -o "${WORK_DIR}/article.html")
run(0 "${FRNEWS}" quotes "${article}")
set(quotes_json "${out}")
browse("${WORK_DIR}/article.html" article)
if(article_requests)
  message(FATAL_ERROR "the report of the seed article made requests")
endif()
expect("${article_dom}" "<html lang=\"fr\">")
expect("${article_dom}" "<title>article.txt — frnews</title>")
string(REGEX REPLACE "<[^>]*>" "" article_text "${article_dom}")
string(REPLACE "&nbsp;" " " article_text "${article_text}")
string(REPLACE "&amp;" "&" article_text "${article_text}")
string(JSON quote_count LENGTH "${quotes_json}" quotes)
if(quote_count LESS 5)
  message(FATAL_ERROR "expected the seed article's quotes, got ${quote_count}")
endif()
math(EXPR last "${quote_count} - 1")
foreach(i RANGE ${last})
  string(JSON text GET "${quotes_json}" quotes ${i} text)
  string(JSON speaker GET "${quotes_json}" quotes ${i} speaker name)
  math(EXPR number "${i} + 1")
  string(FIND "${article_text}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "quote ${number} is not on the page: ${text}")
  endif()
  # The quote's element carries its speaker, and the speakers panel names them.
  expect("${article_dom}" "<span class=\"citation c[0-7]\" id=\"citation-${number}\"[^>]* data-locuteur=\"${speaker}\"")
  expect("${article_dom}" "<tr class=\"c[0-7]\"><td><span class=\"pastille\"></span>(<a [^>]*>)?(<span [^>]*>)?${speaker}<")
endforeach()
expect("${article_dom}" "<span class=\"locuteur c[0-7]\" title=\"Locuteur : Arnaud Rousseau\"><a class=\"entite per\" href=\"https://fr.wikipedia.org/wiki/Arnaud_Rousseau\"")
expect("${article_dom}" "<a class=\"entite loc\" href=\"https://fr.wikipedia.org/wiki/Lyon\"[^>]*>Lyon</a><a class=\"wd\" href=\"https://www.wikidata.org/wiki/Q456\"")
expect("${article_dom}" "<span class=\"entite org nil\"[^>]*>préfecture du Rhône</span>")

# A hostile article: none of its markup becomes an element, none of its script runs.
file(WRITE "${WORK_DIR}/hostile.txt"
  "« Lisez ceci <script>document.title='piraté';document.body.insertAdjacentHTML('beforeend','<div id=\"pirate\"></div>')</script> »,"
  " a déclaré Emmanuel Macron.\n\n"
  "Le \"><img src=x onerror=\"document.title='piraté'\"> et <a href=\"javascript:document.title='piraté'\">lien</a>"
  " <svg onload=\"document.title='piraté'\"></svg>, selon Le Monde.\n")
run(0 "${FRNEWS}" report "${WORK_DIR}/hostile.txt" -o "${WORK_DIR}/hostile.html")
browse("${WORK_DIR}/hostile.html" hostile)
expect("${hostile_dom}" "<title>hostile.txt — frnews</title>")
# Elements and attributes the article tried to inject (as text they appear escaped: &lt;img …).
foreach(injected "<script" "<img" "<svg" "<div id=\"pirate\"" "piraté</title>" "<[^>]* href=\"javascript:"
                 "<[^>]* onerror=")
  if(hostile_dom MATCHES "${injected}")
    message(FATAL_ERROR "the hostile article's ${injected} reached the page:\n${hostile_dom}")
  endif()
endforeach()
expect("${hostile_dom}" "&lt;script&gt;document.title='piraté'")
expect("${hostile_dom}" "data-locuteur=\"Emmanuel Macron\"")
if(hostile_requests)
  message(FATAL_ERROR "the report of the hostile article made requests")
endif()

# Several documents: one page each and an index linking them.
file(WRITE "${WORK_DIR}/docs.jsonl"
  "{\"id\": \"un\", \"text\": \"« Non », a répondu Élisabeth Borne.\"}\n"
  "{\"id\": \"deux\"}\n")
run(1 "${FRNEWS}" report --jsonl "${WORK_DIR}/docs.jsonl" -o "${WORK_DIR}/site")
browse("${WORK_DIR}/site/index.html" index)
expect("${index_dom}" "<a href=\"0001-un.html\">un</a></td><td class=\"n\">1</td><td class=\"n\">1</td>")
expect("${index_dom}" "deux <span class=\"erreur\">no \"text\" field</span>")
browse("${WORK_DIR}/site/0001-un.html" page)
expect("${page_dom}" "<a href=\"index.html\">← Tous les documents</a>")
expect("${page_dom}" "data-locuteur=\"Élisabeth Borne\"")
