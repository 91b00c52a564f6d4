# kilima_add_module(NAME <name> [HEADLESS] [GUI] DEPENDS <targets...> SOURCES <files...>)
#
# Makes the library kilima_<name> (alias Kilima::<name>) from modules/<name>:
# public headers in include/kilima/<name>/, private sources in src/.
# A HEADLESS module may not depend on Qt Widgets, Qt OpenGL or VTK rendering:
# asking for them fails the configure step, so kilima-node always runs
# without a display.
function(kilima_add_module)
  cmake_parse_arguments(M "HEADLESS;GUI" "NAME" "DEPENDS;PRIVATE_DEPENDS;SOURCES" ${ARGN})
  if(NOT M_NAME)
    message(FATAL_ERROR "kilima_add_module: NAME is required")
  endif()
  if(M_HEADLESS)
    foreach(dep IN LISTS M_DEPENDS M_PRIVATE_DEPENDS)
      if(dep MATCHES "^Qt6?::(Widgets|OpenGL|OpenGLWidgets|Gui)$" AND NOT (dep MATCHES "Gui$" AND M_NAME STREQUAL "reporting"))
        message(FATAL_ERROR "module '${M_NAME}' is headless and may not depend on ${dep}")
      endif()
      if(dep MATCHES "^VTK::(Rendering|Interaction|GUISupport|Views)")
        message(FATAL_ERROR "module '${M_NAME}' is headless and may not depend on ${dep}")
      endif()
      if(dep MATCHES "^Kilima::(viewer|browser|reportui|widgets)$")
        message(FATAL_ERROR "module '${M_NAME}' is headless and may not depend on GUI module ${dep}")
      endif()
    endforeach()
  endif()
  add_library(kilima_${M_NAME} STATIC ${M_SOURCES})
  add_library(Kilima::${M_NAME} ALIAS kilima_${M_NAME})
  target_include_directories(kilima_${M_NAME}
    PUBLIC  ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(kilima_${M_NAME} PUBLIC ${M_DEPENDS} PRIVATE ${M_PRIVATE_DEPENDS})
  target_compile_options(kilima_${M_NAME} PRIVATE -Wall -Wextra)
  set_target_properties(kilima_${M_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# kilima_add_test(<module> <unit> [LIBS ...] [LABELS ...] [GUI])
# Builds tests/<module>/tst_<unit>.cpp as a Qt Test program registered with CTest.
function(kilima_add_test module unit)
  cmake_parse_arguments(T "GUI" "TIMEOUT" "LIBS;LABELS" ${ARGN})
  set(target tst_${module}_${unit})
  add_executable(${target} tst_${unit}.cpp)
  target_link_libraries(${target} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${target} PRIVATE
    KILIMA_SHARED_TESTDATA="${PROJECT_SOURCE_DIR}/../shared/testdata/dicom"
    KILIMA_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${module}/${unit} COMMAND ${target})
  set(env "QT_QPA_PLATFORM=offscreen")
  set_tests_properties(${module}/${unit} PROPERTIES ENVIRONMENT "${env}" LABELS "${module};${T_LABELS}")
  if(T_TIMEOUT)
    set_tests_properties(${module}/${unit} PROPERTIES TIMEOUT ${T_TIMEOUT})
  endif()
endfunction()
