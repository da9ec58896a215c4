# bash completion for tokendesk-cli: commands, options, account names and provider ids.
# Installed as ${datadir}/bash-completion/completions/tokendesk-cli; to try it from a checkout:
#   source resources/completion/tokendesk-cli.bash

_tokendesk_cli()
{
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local prev="${COMP_WORDS[COMP_CWORD-1]}"
    local cli="${COMP_WORDS[0]}"
    local commands="providers add list login refresh logout remove token headers export import credential help"
    local header_commands="list add delete"
    local global_options="--timeout --help"
    # Options that take a value: the word after them is not a command or an argument.
    local value_options="--timeout --provider --base-url --username --min-valid -o --output"

    # "headers" takes a subcommand first; its arguments are counted after it.
    local i word command="" subcommand="" arguments=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        if [[ " $value_options " == *" $word "* ]]; then
            ((i++))
            continue
        fi
        [[ "$word" == -* ]] && continue
        if [[ -z "$command" ]]; then
            command="$word"
        elif [[ "$command" == headers && -z "$subcommand" ]]; then
            subcommand="$word"
        else
            ((arguments++))
        fi
    done

    case "$prev" in
        --provider)
            COMPREPLY=($(compgen -W "$("$cli" providers --ids 2>/dev/null)" -- "$cur"))
            return
            ;;
        --timeout | --base-url | --username | --min-valid)
            return
            ;;
        -o | --output)
            COMPREPLY=($(compgen -f -- "$cur"))
            return
            ;;
    esac

    if [[ -z "$command" ]]; then
        if [[ "$cur" == -* ]]; then
            COMPREPLY=($(compgen -W "$global_options --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    if [[ "$cur" == -* ]]; then
        local options=""
        case "$command" in
            providers) options="--json --ids" ;;
            add) options="--provider --base-url --username --allow-insecure-http" ;;
            list) options="--json --names" ;;
            token) options="--header --min-valid --json" ;;
            headers) [[ "$subcommand" == list ]] && options="--json" ;;
            export) options="--output" ;;
            import) options="--yes" ;;
        esac
        COMPREPLY=($(compgen -W "$options $global_options" -- "$cur"))
        return
    fi

    case "$command" in
        export)
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("$cli" list --names 2>/dev/null)" -- "$cur"))
            ;;
        import)
            ((arguments == 0)) && COMPREPLY=($(compgen -f -- "$cur"))
            ;;
        login | refresh | logout | remove | token | credential)
            if ((arguments == 0)); then
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$("$cli" list --names 2>/dev/null)" -- "$cur"))
            fi
            ;;
        headers)
            if [[ -z "$subcommand" ]]; then
                COMPREPLY=($(compgen -W "$header_commands" -- "$cur"))
            elif ((arguments == 0)); then
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$("$cli" list --names 2>/dev/null)" -- "$cur"))
            fi
            ;;
        help)
            if ((arguments == 0)); then
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            elif ((arguments == 1)) && [[ "${COMP_WORDS[COMP_CWORD-1]}" == headers ]]; then
                COMPREPLY=($(compgen -W "$header_commands" -- "$cur"))
            fi
            ;;
    esac
}

complete -F _tokendesk_cli tokendesk-cli
