;;; Emacs + Eglot headless test: loads editors/emacs/copydesk-eglot.el (the snippet the README
;;; shows), opens the fixture article and checks diagnostics and hovers.
;;; Run: emacs --batch -l test.el  (not -Q: Debian activates elpa-eglot through site-start).
;;; Environment: COPYDESK_ROOT, COPYDESK_ARTICLE, COPYDESK_RESULTS; copydesk on PATH.
(require 'eglot)
(require 'json)
(require 'flymake)

(defvar copydesk-test-checks nil)
(defvar copydesk-test-extra nil)
(defun copydesk-test-check (name ok &optional detail)
  (push (list (cons 'name name) (cons 'ok (if ok t :json-false))
              (cons 'detail (format "%s" (or detail ""))))
        copydesk-test-checks))

(defun copydesk-test-finish ()
  (let ((failures (cl-count-if (lambda (c) (eq (alist-get 'ok c) :json-false))
                               copydesk-test-checks)))
    (with-temp-file (getenv "COPYDESK_RESULTS")
      (insert (json-encode
               `((emacs . ,emacs-version)
                 (checks . ,(vconcat (reverse copydesk-test-checks)))
                 ,@copydesk-test-extra
                 (failures . ,failures)))))
    (ignore-errors (eglot-shutdown-all))
    (kill-emacs (if (zerop failures) 0 1))))

(defun copydesk-test-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)) result)
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    result))

(condition-case err
    (progn
      (setq eglot-sync-connect t
            eglot-connect-timeout 10
            eglot-autoreconnect nil
            eglot-events-buffer-size 0)
      (load (expand-file-name "editors/emacs/copydesk-eglot.el" (getenv "COPYDESK_ROOT")) nil t)
      (find-file (getenv "COPYDESK_ARTICLE"))
      (copydesk-test-check "major mode is text-mode" (eq major-mode 'text-mode) major-mode)
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs by itself.
      (run-hooks 'post-command-hook)
      (copydesk-test-wait (lambda () (eglot-current-server)) 10)
      (let ((server (eglot-current-server)))
        (copydesk-test-check "the snippet started Eglot with copydesk" server
                             (and server (eglot--project-nickname server)))
        (when server
          (copydesk-test-wait
           (lambda ()
             (flymake-start)
             (cl-some (lambda (d) (string-match-p "quotes.unbalanced" (flymake-diagnostic-text d)))
                      (flymake-diagnostics)))
           10)
          (let ((texts (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
            (push (cons 'diagnostics (vconcat texts)) copydesk-test-extra)
            (copydesk-test-check
             "diagnostic copydesk [quotes.unbalanced]"
             (cl-some (lambda (s) (string-match-p "^copydesk \\[quotes.unbalanced\\]: " s)) texts)
             (string-join texts "\n")))
          (cl-flet ((hover-at (needle offset)
                      (goto-char (point-min))
                      (search-forward needle)
                      (goto-char (+ (match-beginning 0) offset))
                      (let* ((result (jsonrpc-request server :textDocument/hover
                                                      (eglot--TextDocumentPositionParams)))
                             (contents (plist-get result :contents)))
                        (format "%s" (or (plist-get contents :value) contents)))))
            (let ((text (hover-at "Tuesday" 2)))
              (push (cons 'hover_tuesday text) copydesk-test-extra)
              (copydesk-test-check "hover on Tuesday resolves the date"
                                   (string-match-p "2024-03-12, Tuesday" text) text))
            (let ((text (hover-at "\"no." 0)))
              (push (cons 'hover_diagnostic text) copydesk-test-extra)
              (copydesk-test-check "hover on the unclosed quotation names the rule"
                                   (string-match-p "quotes.unbalanced" text) text))))))
  (error (copydesk-test-check "test script ran" nil (error-message-string err))))
(copydesk-test-finish)
