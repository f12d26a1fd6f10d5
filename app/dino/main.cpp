// `dino`: DINO Studio's command-line tool. Sub-commands take the reference scripts' flag names.
#include "cli_support.h"
#include "commands.h"

#include <dino/api/build_info.h>
#include <dino/io/state_dict.h>
#include <dino/io/torch_file.h>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"dino: train and inspect DINO vision transformers (DINO Studio " DINO_VERSION ")", "dino"};
  // The versions a bug report needs: ours, the build type, LibTorch's and its CUDA.
  const dino::LibTorchInfo torch = dino::libtorch_info();
  const std::string build_type = DINO_BUILD_TYPE;
  app.set_version_flag("--version", std::string("dino (DINO Studio ") + DINO_VERSION + "), " +
                                        (build_type.empty() ? std::string("no build type") : build_type + " build") +
                                        "; LibTorch " + torch.version + ", " + torch.cuda);
  app.require_subcommand(1);
  dino::cli::add_info_command(app);
  dino::cli::add_embed_command(app);
  dino::cli::add_train_command(app);
  dino::cli::add_settings_command(app);
  dino::cli::add_knn_command(app);
  dino::cli::add_linear_command(app);
  dino::cli::add_retrieval_command(app);
  dino::cli::add_copydetect_command(app);
  dino::cli::add_attention_command(app);
  dino::cli::add_bench_command(app);
  dino::cli::add_follow_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, as argparse does.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const dino::cli::UsageError& e) {
    std::cerr << "dino: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    // Errors from the library already name the file, key or flag involved.
    std::cerr << "dino: error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
