# frnews_embed_files(<out-var> <output-dir> <files...>)
# Compiles data files into the library: one generated .cpp holding each file's bytes and a
# table name -> bytes, read through src/core/embedded.hpp. The build reruns it when a file changes.
function(frnews_embed_files out_var output_dir)
  set(output "${output_dir}/frnews_embedded_data.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${output_dir}"
    COMMAND frnews_embed "${output}" ${ARGN}
    DEPENDS frnews_embed ${ARGN}
    COMMENT "Embedding frnews data files"
    VERBATIM)
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
