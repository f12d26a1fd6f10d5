# Runs lupdate over the app's sources into a copy of the committed .ts file and fails when the
# sources hold strings the file lacks, or the file holds strings the sources no longer have.
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(name "${TS}" NAME)
set(copy "${WORK}/${name}")
file(COPY_FILE "${TS}" "${copy}")
execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none -tr-function-alias QT_TRANSLATE_NOOP+=DINO_TEXT
                        -extensions cpp,h ${SOURCES} -ts "${copy}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed")
endif()
# A tr() lupdate cannot place (a free function named tr, a class without Q_OBJECT) is dropped from
# the translations with only a warning: such strings would never be translated.
if("${out}${err}" MATCHES "cannot be called without context")
  message(FATAL_ERROR "lupdate cannot tell the context of some tr() calls (see its warnings above): use a class "
                      "with Q_OBJECT or Q_DECLARE_TR_FUNCTIONS, or QCoreApplication::translate")
endif()
if(NOT "${out}${err}" MATCHES "\\(0 new and [0-9]+ already existing\\)")
  message(FATAL_ERROR "${TS} lacks strings that the sources have: run `cmake --build <build> --target update_translations`")
endif()
if("${out}${err}" MATCHES "Removed [1-9]")
  message(FATAL_ERROR "${TS} holds strings the sources no longer have: run the update_translations target")
endif()
