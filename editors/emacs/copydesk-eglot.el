;; copydesk with Eglot: Emacs 28 with elpa-eglot 1.9, or Emacs 29+ (Eglot built in).
;; copydesk must be on `exec-path'; otherwise write its full path instead of "copydesk".
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((text-mode markdown-mode gfm-mode message-mode)
                 . ("copydesk" "--stdio"
                    ;; Optional: the `copydesk' settings (docs/configuration.md).
                    :initializationOptions (:copydesk (:debounceMs 150))))))

;; Start it in plain text, Markdown and mail buffers (not in every mode derived from text-mode).
(defun copydesk-eglot-ensure ()
  (when (memq major-mode '(text-mode markdown-mode gfm-mode message-mode))
    (eglot-ensure)))
(add-hook 'text-mode-hook #'copydesk-eglot-ensure)
