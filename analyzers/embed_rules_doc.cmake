# Turns docs/rules.md into a C++ source, so `copydesk explain` prints exactly what the docs say.
file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "#include <string_view>\nnamespace copydesk::analyzers {\nextern const std::string_view kRulesMarkdown;\nconst std::string_view kRulesMarkdown = R\"copydesk_doc(${content})copydesk_doc\";\n}\n")
