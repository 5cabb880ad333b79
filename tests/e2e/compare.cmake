# `samla compare` (structure agreement) on hand-made models and one farm render (label: e2e).
samla_sh_test(e2e_compare e2e bash ${CMAKE_CURRENT_LIST_DIR}/compare.sh)
# Every farm producer's renders against their structure files, held at floors
# (tests/e2e/farm_floors.txt); writes the table to build/farm-agreement.md.
# Label slow: the sanitizer run (-LE slow) runs e2e_compare only.
samla_sh_test(e2e_farm_agreement e2e ${SAMLA_PY} ${CMAKE_SOURCE_DIR}/corpus/farm/agreement.py
  --samla $<TARGET_FILE:samla_cli> --check ${CMAKE_CURRENT_LIST_DIR}/farm_floors.txt
  --markdown ${CMAKE_BINARY_DIR}/farm-agreement.md)
set_tests_properties(e2e_farm_agreement PROPERTIES LABELS "e2e;slow")
# The committed structure files match what the farm script writes from the sources.
samla_sh_test(e2e_farm_structure e2e bash ${CMAKE_CURRENT_LIST_DIR}/farm_structure.sh)
# Real content of farm renders restored by reader rules (table continued under a repeated header, a heading at a
# column's foot).
samla_sh_test(e2e_farm_docs e2e bash ${CMAKE_CURRENT_LIST_DIR}/farm_docs.sh)
# The rows under a first cell spanning rows whose text wraps past its first row, on every producer.
samla_sh_test(e2e_farm_rowspan e2e bash ${CMAKE_CURRENT_LIST_DIR}/farm_rowspan.sh)
