# farm_samkommun: the Finland-Swedish samkommun protocol as every farm producer renders it, held at 1.00 on
# attendees, signatures and the voting list (PDF-TAG-MARK-CELL, PDF-TABLE-FULL-LINES-ALL).
samla_sh_test(e2e_farm_samkommun e2e sh ${CMAKE_CURRENT_LIST_DIR}/farm_samkommun.sh)
