# Install, move, DESTDIR package, out-of-tree plugin (pkg-config and CMake package) and the
# embedding example of docs/embedding.md (labels: e2e, install). See install.sh.
samla_sh_test(e2e_install e2e bash ${CMAKE_CURRENT_LIST_DIR}/install.sh)
set_property(TEST e2e_install APPEND PROPERTY LABELS install)
if(SAMLA_SANITIZE)
  set_property(TEST e2e_install APPEND PROPERTY ENVIRONMENT "SAMLA_SANITIZE=1")
endif()
