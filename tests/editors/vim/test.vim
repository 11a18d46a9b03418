" Vim + ALE headless test: opens the fixture and waits for copydesk's diagnostics in ALE's
" location list. Run: vim -N -u vimrc -i NONE -n -es -S test.vim (prints nothing: -es), so the
" results go to $COPYDESK_RESULTS.
let s:checks = []
function! s:Check(name, ok, detail) abort
  call add(s:checks, {'name': a:name, 'ok': a:ok ? v:true : v:false, 'detail': a:detail})
endfunction

try
  execute 'edit ' . fnameescape($COPYDESK_ARTICLE)
  call s:Check('filetype is text', &filetype ==# 'text', &filetype)
  let s:deadline = reltimefloat(reltime()) + 10
  let s:loclist = []
  while reltimefloat(reltime()) < s:deadline
    let s:loclist = ale#engine#GetLoclist(bufnr(''))
    if !empty(filter(copy(s:loclist), 'get(v:val, "code", "") ==# "quotes.unbalanced"'))
      break
    endif
    sleep 50m
  endwhile
  let s:found = filter(copy(s:loclist), 'get(v:val, "code", "") ==# "quotes.unbalanced"')
  call s:Check('ALE shows copydesk quotes.unbalanced', !empty(s:found), string(s:loclist))
  if !empty(s:found)
    call s:Check('on line 9', s:found[0].lnum == 9 && s:found[0].linter_name ==# 'copydesk',
    \ string(s:found[0]))
  endif
catch
  call s:Check('test script ran', 0, v:exception . ' at ' . v:throwpoint)
endtry

let s:failures = len(filter(copy(s:checks), '!v:val.ok'))
call writefile([json_encode({'vim': v:version, 'checks': s:checks,
\ 'loclist': s:loclist, 'failures': s:failures})], $COPYDESK_RESULTS)
call ale#lsp#StopAll()
if s:failures == 0
  qall!
else
  cquit 1
endif
