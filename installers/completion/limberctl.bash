# bash completion for limberctl. Routine and exercise names come from the catalog installed
# beside limberctl (<bindir>/../share/limber, or $LIMBER_DATA_DIR), as limberctl itself finds it.

_limberctl_catalog_ids()
{
    # Prints the ids in one catalog file: lines like  id = "chin-tucks"
    local file=$1
    [[ -r $file ]] || return 1
    sed -n 's/^[[:space:]]*id[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$file"
}

_limberctl_routines()
{
    local data=${LIMBER_DATA_DIR:-}
    if [[ -z $data ]]; then
        local exe
        exe=$(type -P limberctl) || exe=""
        [[ -n $exe ]] && data=$(dirname -- "$(readlink -f -- "$exe")")/../share/limber
    fi
    local routines exercises id
    routines=$(_limberctl_catalog_ids "$data/routines.toml") ||
        routines="quick-daily-reset end-of-day-relief posture-support"
    exercises=$(_limberctl_catalog_ids "$data/exercises.toml")
    printf '%s\n' $routines
    for id in $exercises; do printf 'single:%s\n' "$id"; done
}

_limberctl()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -n : || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="status start done stop snooze skip pause resume summary export watch reload"
    local global_opts="--socket --json --help --version"

    case $prev in
        --socket)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "text json waybar" -- "$cur"))
            return ;;
        --week | --from | --to)
            return ;;
    esac

    # The subcommand is the first word after limberctl that is not an option or its value.
    local i command=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --socket) ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    local opts="--socket --json --help"
    case $command in
        status) opts+=" --format" ;;
        start) opts+=" --no-guide" ;;
        pause) opts+=" --until-tomorrow" ;;
        summary) opts+=" --week" ;;
        export) opts+=" --from --to --csv" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ $command == start && $i -eq $((cword - 1)) ]]; then
        COMPREPLY=($(compgen -W "$(_limberctl_routines)" -- "$cur"))
        # single:EXERCISE has a colon, which bash splits words at unless told otherwise.
        declare -F __ltrim_colon_completions >/dev/null && __ltrim_colon_completions "$cur"
    fi
}

complete -F _limberctl limberctl
