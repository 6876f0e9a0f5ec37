// Shell-like command lines: the word splitter and the Modelfile, shell
// script and Dockerfile extractors.
#include "extract/command_lines.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = modelprov::fuzz::AsView(data, size);
  for (const auto& line : modelprov::JoinContinuations(text, 1)) {
    for (bool exec_form : {false, true}) {
      auto words = modelprov::SplitShellWords(line, exec_form);
      for (bool deploy : {false, true}) {
        for (const auto& c : modelprov::FindCommandReferences(words, deploy)) {
          (void)modelprov::CommandToReference(c, "x", "fuzz");
        }
      }
    }
  }
  (void)modelprov::CommandReferencesInText(text, 1, 1, "x.sh", "fuzz");
  for (std::string_view name : {"Modelfile", "scripts/run.sh", "Dockerfile"}) modelprov::fuzz::RunSelected(name, text);
  return 0;
}
