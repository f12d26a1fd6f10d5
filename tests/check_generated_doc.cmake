# Fails when a document that a command generates differs from what the command prints now.
# -DCOMMAND=<program;args...> -DDOC=<file> -DUPDATE=<what to run to regenerate it>
execute_process(COMMAND ${COMMAND} OUTPUT_VARIABLE generated RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${COMMAND} failed (${rc})")
endif()
file(READ "${DOC}" committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${DOC} is not what `${COMMAND}` prints now: run ${UPDATE}")
endif()
message("${DOC} is current")
