// The sub-commands of `dino`; each registers its flags and its action on the parent app.
#pragma once

#include <CLI/CLI.hpp>

namespace dino::cli {

void add_info_command(CLI::App& app);
void add_embed_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_settings_command(CLI::App& app);
void add_bench_command(CLI::App& app);
void add_knn_command(CLI::App& app);
void add_linear_command(CLI::App& app);
void add_retrieval_command(CLI::App& app);
void add_copydetect_command(CLI::App& app);
void add_attention_command(CLI::App& app);
void add_follow_command(CLI::App& app);
// `dino bench attention`, registered on the bench command.
void add_attention_bench(CLI::App& bench);

}  // namespace dino::cli
