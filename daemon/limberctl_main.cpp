// limberctl: Limber's command-line client.
#include <CLI/CLI.hpp>

int main(int argc, char** argv)
{
    CLI::App app{"limberctl: control Limber from the command line"};
    app.set_version_flag("--version", std::string("limberctl ") + LIMBER_VERSION);
    app.require_subcommand(0);
    CLI11_PARSE(app, argc, argv);
    std::cout << app.help();
    return 0;
}
