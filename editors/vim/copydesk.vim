" copydesk with ALE (Vim 8.2+ or Neovim, ALE 3+). Put it in your vimrc, after ALE is on the
" runtimepath; set g:copydesk_executable when copydesk is not on PATH.
let g:copydesk_executable = get(g:, 'copydesk_executable', 'copydesk')
function! CopydeskRoot(buffer) abort
  let l:config = ale#path#FindNearestFile(a:buffer, '.copydesk.toml')
  return !empty(l:config) ? fnamemodify(l:config, ':h') : expand('#' . a:buffer . ':p:h')
endfunction
for s:filetype in ['text', 'markdown', 'mail']
  call ale#linter#Define(s:filetype, {
  \   'name': 'copydesk',
  \   'lsp': 'stdio',
  \   'executable': {-> g:copydesk_executable},
  \   'command': '%e --stdio',
  \   'project_root': function('CopydeskRoot'),
  \   'initialization_options': {'copydesk': {'debounceMs': 150}},
  \})
endfor
" Optional: only copydesk for prose (ALE otherwise also runs proselint, write-good, ...).
let g:ale_linters = extend(get(g:, 'ale_linters', {}),
\   {'text': ['copydesk'], 'markdown': ['copydesk'], 'mail': ['copydesk']})
