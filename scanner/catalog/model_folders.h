// Model folders: the files of one model directory are one model.
//
// A Hugging Face model folder holds config.json, a card, a tokenizer,
// weights and often a LICENSE. The resolver sees each file alone: the config
// and the card name the model ("local:<folder>"), while a weight file with no
// metadata or a license text names nothing. This pass, run on a whole scan's
// resolved references, attaches those files to the folder's model, so a
// folder is reported as one model with all its evidence.
#pragma once

#include <vector>

#include "core/resolved.h"

namespace modelprov {

// For every folder that holds a "local:<folder>" model, points the folder's
// safetensors, weight-container, tokenizer and license-file references that
// name no model of their own at it. A license file keeps its license id,
// which then stands as the folder's license unless its model card declares
// one (see SummarizeModels). References elsewhere are left as they are.
void AttachModelFolderFiles(std::vector<ResolvedReference>& refs);

}  // namespace modelprov
