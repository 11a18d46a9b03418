-- copydesk commands. The server starts only after require("copydesk").setup{...}.
if vim.g.loaded_copydesk then return end
vim.g.loaded_copydesk = true

vim.api.nvim_create_user_command("CopydeskSources", function() require("copydesk").sources() end, {
  desc = "copydesk: sources and claims of this buffer in the location list",
})
vim.api.nvim_create_user_command("CopydeskRestart", function() require("copydesk").restart() end, {
  desc = "copydesk: restart the language server",
})
