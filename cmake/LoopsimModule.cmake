# loopsim_add_module(NAME DIR dir [EXCLUDE subfolder] [DEPS libs...] [PRIVATE_DEPS libs...])
# Creates the static library loopsim_NAME from every .cpp directly in DIR and its
# subfolders (except a `reference/` subfolder, which holds recorders built separately).
# A module with no .cpp yet is an INTERFACE library, so the layout exists from day one.
# Includes are rooted at the repository: #include "sim/event_queue.h".
function(loopsim_add_module NAME)
    cmake_parse_arguments(ARG "" "DIR;EXCLUDE" "DEPS;PRIVATE_DEPS" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${ARG_DIR}/*.cpp)
    list(FILTER sources EXCLUDE REGEX "/reference/")
    if(ARG_EXCLUDE)
        list(FILTER sources EXCLUDE REGEX "/${ARG_DIR}/${ARG_EXCLUDE}/")
    endif()
    set(target loopsim_${NAME})
    if(sources)
        add_library(${target} STATIC ${sources})
        target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR})
        target_link_libraries(${target} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    else()
        add_library(${target} INTERFACE)
        target_include_directories(${target} INTERFACE ${CMAKE_SOURCE_DIR})
        target_link_libraries(${target} INTERFACE ${ARG_DEPS})
    endif()
endfunction()
