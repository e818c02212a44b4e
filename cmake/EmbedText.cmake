# Turns a text data file into a C++ source defining `std::string_view
# <function>()` that returns its contents, so the binary carries the file
# (for example data/common-passwords.txt) with it.
function(maitred_embed_text out_var function file)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${function}.cpp")
  file(READ "${file}" text)
  set(body "// Generated from ${file} by cmake/EmbedText.cmake. Do not edit.\n")
  string(APPEND body "#include <string_view>\n\nnamespace maitred {\n\n")
  string(APPEND body "std::string_view ${function}() {\n")
  string(APPEND body "  static constexpr std::string_view text = R\"maitred_text(${text})maitred_text\";\n")
  string(APPEND body "  return text;\n}\n\n}  // namespace maitred\n")
  # Written as is (the text may hold '@'), then copied only when it changed so
  # a re-configure does not force a rebuild.
  file(WRITE "${out}.tmp" "${body}")
  configure_file("${out}.tmp" "${out}" COPYONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  # Longer than the 64 KiB ISO C++ promises; GCC and Clang take it.
  set_source_files_properties("${out}" PROPERTIES COMPILE_OPTIONS "-Wno-overlength-strings")
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
