# SamlaManPage.cmake: writes the man page samla(1) from the built tool's own help texts
# (`samla --help` and `samla COMMAND --help` for every command it lists), so the man page
# and --help are one text. Script mode:
#   cmake -DSAMLA=path/to/samla -DOUT=samla.1 -DVERSION=x.y.z -P SamlaManPage.cmake
foreach(v SAMLA OUT VERSION)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "SamlaManPage.cmake: -D${v}=... is required")
  endif()
endforeach()

# Runs samla with ARGN and returns its standard output in var (fails the build otherwise).
function(samla_help var)
  execute_process(COMMAND ${SAMLA} ${ARGN} OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "SamlaManPage.cmake: '${SAMLA} ${ARGN}' failed (${rc}): ${err}")
  endif()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

# roff-escapes text for a no-fill block: backslashes, hyphens (so options stay copyable), and
# lines that would start with a control character.
function(roff var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

samla_help(main --help)
# Command names: the indented words of the "Commands:" section.
string(REGEX MATCH "\nCommands:\n(  [^\n]*\n)+" section "${main}")
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" names "${section}")
if(NOT names)
  message(FATAL_ERROR "SamlaManPage.cmake: no commands in `samla --help`")
endif()

roff(main_r "${main}")
set(page ".\\\" samla.1: generated at build time by cmake/SamlaManPage.cmake from `samla --help`\n")
string(APPEND page ".\\\" and `samla COMMAND --help`; edit those texts in cli/, not this file.\n")
string(APPEND page ".TH SAMLA 1 \"\" \"samla ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\nsamla \\- Swedish municipal protocols, plans and strategies to one YAML model\n")
string(APPEND page ".SH SYNOPSIS\n.B samla\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n")
string(APPEND page ".SH DESCRIPTION\n.nf\n${main_r}.fi\n.SH COMMANDS\n")
foreach(n ${names})
  string(STRIP "${n}" n)
  samla_help(text ${n} --help)
  roff(text "${text}")
  string(APPEND page ".SS \"samla ${n}\"\n.nf\n${text}.fi\n")
endforeach()
string(APPEND page ".SH FILES\n")
string(APPEND page "Plugins are searched in \\fIlib/samla/plugins\\fR (under the library folder of the install\n")
string(APPEND page "prefix, e.g. \\fI/usr/lib/x86_64\\-linux\\-gnu/samla/plugins\\fR), pipelines and data in\n")
string(APPEND page "\\fIshare/samla/pipelines\\fR and \\fIshare/samla/data\\fR, relative to the prefix the\n")
string(APPEND page "\\fBsamla\\fR binary or \\fIlibsamla\\fR is installed in.\n")
string(APPEND page ".SH SEE ALSO\n\\fBpkg\\-config\\fR(1) (module \\fIsamla\\fR, variable \\fIpluginsdir\\fR)\n")
file(WRITE "${OUT}.tmp" "${page}")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)
file(REMOVE "${OUT}.tmp")
